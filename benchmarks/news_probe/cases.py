"""Probe cases for the newsline TIMEX3 tagger.

Publication date 2025-07-04 (Friday) unless a case gives `pub`.  ISO weeks: W26 = 23-29 June,
W27 = 30 June - 6 July, W28 = 7-13 July.  Days: Mon 30 Jun, Tue 1 Jul, Wed 2, Thu 3, Fri 4, Sat 5, Sun 6,
Mon 7, Tue 8, Wed 9, Thu 10, Fri 11.

E(text, type, value, mod=None, alt=(), deb=None)
  text   the TimeML extent (prepositions such as on/at/in/for/since are signals, outside the tag)
  value  a string, or a tuple of values all acceptable under TIMEX3 conventions
  mod    None, a string, or a tuple of acceptable mods (None inside the tuple = no mod acceptable)
  alt    other extents that are acceptable
  deb    the item is debatable under the guidelines: a mismatch is reported but not counted as an error
C(cat, sentence, [E...], pub=None, deb=None)
  an empty list means: nothing in this sentence should be tagged
"""

from __future__ import annotations

from dataclasses import dataclass, field

_OUTSIDE = (
    "extent: the tagger leaves about/roughly/almost/over/approximately outside the tag on purpose "
    "(TimeBank practice); TIMEX2/TimeML examples put them inside"
)


@dataclass
class E:
    text: str
    type: str
    value: str | tuple
    mod: str | tuple | None = None
    alt: tuple = ()
    deb: str | None = None
    occurrence: int = 0  # which occurrence of text in the sentence


@dataclass
class C:
    cat: str
    sentence: str
    expected: list = field(default_factory=list)
    pub: str | None = None
    deb: str | None = None
    ok: tuple = ()  # extents that may be tagged or not (debatable markables): never a false positive
    id: int = 0


D, T, DU, S = "DATE", "TIME", "DURATION", "SET"

CASES = [
    # ------------------------------------------------------------------ relative days with tense
    C("relday", "The minister resigned last Tuesday.", [E("last Tuesday", D, "2025-07-01")]),
    C("relday", "The ceasefire collapsed last Friday.", [E("last Friday", D, "2025-06-27")]),
    C("relday", "The talks will resume next Tuesday.", [E("next Tuesday", D, "2025-07-08")]),
    C("relday", "The verdict is expected next Friday.", [E("next Friday", D, "2025-07-11")]),
    C("relday", "Police said the suspect was arrested on Monday.", [E("Monday", D, "2025-06-30")]),
    C("relday", "The talks will resume on Monday.", [E("Monday", D, "2025-07-07")]),
    C("relday", "The central bank will announce its decision on Thursday.", [E("Thursday", D, "2025-07-10")]),
    C("relday", "The bank announced its decision on Thursday.", [E("Thursday", D, "2025-07-03")]),
    C("relday", "He is due to appear in court on Tuesday.", [E("Tuesday", D, "2025-07-08")]),
    C("relday", "The trial resumes on Wednesday.", [E("Wednesday", D, "2025-07-09")]),
    C("relday", "Voters go to the polls on Sunday.", [E("Sunday", D, "2025-07-06")]),
    C("relday", "The singer died on Saturday at the age of 81.", [E("Saturday", D, "2025-06-28")]),
    C(
        "relday",
        "The ministry said on Friday that 12 people had been killed.",
        [E("Friday", D, "2025-07-04")],
    ),
    C(
        "relday",
        "The report, published on Tuesday, found widespread failings.",
        [E("Tuesday", D, "2025-07-01")],
    ),
    C(
        "relday",
        "The strike, which begins on Monday, will shut every school.",
        [E("Monday", D, "2025-07-07")],
    ),
    C(
        "relday",
        "Officials had warned on Wednesday that the dam could fail.",
        [E("Wednesday", D, "2025-07-02")],
    ),
    C(
        "relday",
        "Markets slumped after Thursday's announcement.",
        [E("Thursday", D, "2025-07-03", alt=("Thursday's",))],
    ),
    C(
        "relday",
        "Campaigning ended ahead of Sunday's election.",
        [E("Sunday", D, "2025-07-06", alt=("Sunday's",))],
        deb="past main verb; the election may be last Sunday or the coming one",
    ),
    C("relday", "Rescuers have been searching since Monday.", [E("Monday", D, "2025-06-30")]),
    C("relday", "The border will stay closed until Sunday.", [E("Sunday", D, "2025-07-06")]),
    C("relday", "Ministers must reach a deal by Tuesday.", [E("Tuesday", D, "2025-07-08")]),
    C(
        "relday",
        "The flood peaked yesterday and is expected to recede tomorrow.",
        [E("yesterday", D, "2025-07-03"), E("tomorrow", D, "2025-07-05")],
    ),
    C(
        "relday",
        "The body was found the day before yesterday.",
        [E("the day before yesterday", D, "2025-07-02")],
    ),
    C(
        "relday",
        "The results will be published the day after tomorrow.",
        [E("the day after tomorrow", D, "2025-07-06")],
    ),
    C("relday", "The bill was passed three days ago.", [E("three days ago", D, "2025-07-01")]),
    C("relday", "The fighting broke out a week ago.", [E("a week ago", D, ("2025-06-27", "2025-W26"))]),
    C("relday", "The company was sold two years ago.", [E("two years ago", D, "2023")]),
    C("relday", "The law was introduced six months ago.", [E("six months ago", D, "2025-01")]),
    C("relday", "The mine closed a decade ago.", [E("a decade ago", D, ("201", "2015"))]),
    C(
        "relday",
        "Earlier on Thursday, the army said it had retaken the town.",
        [E("Earlier on Thursday", D, "2025-07-03", alt=("Thursday",))],
    ),
    C("relday", "The plant was shut this week for repairs.", [E("this week", D, "2025-W27")]),
    C("relday", "The minister visited Kyiv last week.", [E("last week", D, "2025-W26")]),
    C("relday", "The minister will visit Kyiv next week.", [E("next week", D, "2025-W28")]),
    C(
        "relday",
        "Inflation data released earlier this week surprised markets.",
        [E("earlier this week", D, "2025-W27", (None, "START"), alt=("this week",))],
    ),
    C("relday", "The bridge was closed the week before last.", [E("the week before last", D, "2025-W25")]),
    C("relday", "The bill was defeated last month.", [E("last month", D, "2025-06")]),
    C("relday", "The plan will be unveiled next month.", [E("next month", D, "2025-08")]),
    C("relday", "Prices rose sharply this month.", [E("this month", D, "2025-07")]),
    C("relday", "The firm posted a loss last year.", [E("last year", D, "2024")]),
    C("relday", "The firm expects to return to profit next year.", [E("next year", D, "2026")]),
    C("relday", "The election was held the year before last.", [E("the year before last", D, "2023")]),
    C("relday", "Sales have fallen this year.", [E("this year", D, "2025")]),
    C(
        "relday",
        "The firm announced 300 job cuts earlier this year.",
        [E("earlier this year", D, "2025", (None, "START"), alt=("this year",))],
    ),
    C("relday", "Two people were injured in a crash over the weekend.", [E("the weekend", D, "2025-W26-WE")]),
    C("relday", "Thunderstorms are forecast for this weekend.", [E("this weekend", D, "2025-W27-WE")]),
    C("relday", "The rally took place last weekend.", [E("last weekend", D, "2025-W26-WE")]),
    C(
        "relday",
        "Two weeks ago the government lost a confidence vote.",
        [E("Two weeks ago", D, ("2025-W25", "2025-06-20"))],
    ),
    C("relday", "The fire was brought under control within days.", [E("days", DU, "PXD")]),
    C(
        "relday",
        "A decision is expected in three days.",
        [E("three days", DU, "P3D", alt=("in three days",))],
        deb="TimeML marks 'three days' (DURATION P3D, anchored); TIMEX2 would give the date 2025-07-07",
    ),
    C(
        "relday",
        "Results are due in two weeks' time.",
        [E("two weeks", DU, "P2W", alt=("two weeks' time", "in two weeks' time"))],
        deb="DURATION P2W (TimeML) or the week 2025-W29 (TIMEX2 point reading)",
    ),
    # ------------------------------------------------------------------ speech time in quotes
    C(
        "quote",
        '"We will meet again tomorrow," the minister said on Wednesday.',
        [E("tomorrow", D, "2025-07-03"), E("Wednesday", D, "2025-07-02")],
    ),
    C(
        "quote",
        '"I saw him yesterday," she told the court on Tuesday.',
        [E("yesterday", D, "2025-06-30"), E("Tuesday", D, "2025-07-01")],
    ),
    C(
        "quote",
        'On Monday, he told reporters: "The vote will take place today."',
        [E("Monday", D, "2025-06-30"), E("today", D, "2025-06-30")],
    ),
    C(
        "quote",
        '"Next week we will publish the plan," the spokesman said on 26 June.',
        [E("Next week", D, "2025-W27"), E("26 June", D, "2025-06-26")],
    ),
    C(
        "quote",
        '"The ceasefire will hold until Friday," the general said on Monday.',
        [E("Friday", D, "2025-07-04"), E("Monday", D, "2025-06-30")],
    ),
    C(
        "quote",
        'Speaking on 12 May, she said: "We expect a decision this month."',
        [E("12 May", D, "2025-05-12"), E("this month", D, "2025-05")],
    ),
    C(
        "quote",
        '"Last year was a record," the chief executive said in January 2024.',
        [E("Last year", D, "2023"), E("January 2024", D, "2024-01")],
    ),
    C(
        "quote",
        '"Tomorrow is a big day," Mr Smith said last night.',
        [E("Tomorrow", D, "2025-07-04"), E("last night", T, "2025-07-03TNI")],
    ),
    C(
        "quote",
        '"We lost contact with the crew this morning," the coastguard said on Thursday.',
        [E("this morning", T, "2025-07-03TMO"), E("Thursday", D, "2025-07-03")],
    ),
    C(
        "quote",
        '"The talks ended yesterday," a diplomat said on Sunday.',
        [E("yesterday", D, "2025-06-28"), E("Sunday", D, "2025-06-29")],
    ),
    C(
        "quote",
        'She told the BBC on Tuesday: "I will resign next month."',
        [E("Tuesday", D, "2025-07-01"), E("next month", D, "2025-08")],
    ),
    C(
        "quote",
        '"This week has been the worst of my life," he said on 20 June.',
        [E("This week", D, "2025-W25"), E("20 June", D, "2025-06-20")],
    ),
    C("quote", '"We are ready now," the coach said.', [E("now", D, "PRESENT_REF")]),
    C(
        "quote",
        '"I arrived here on Saturday," the refugee said on Wednesday.',
        [E("Saturday", D, "2025-06-28"), E("Wednesday", D, "2025-07-02")],
    ),
    # ------------------------------------------------------------------ anchored on a named date
    C(
        "anchor",
        "The summit opened on 12 March. Two days later, the talks collapsed.",
        [E("12 March", D, "2025-03-12"), E("Two days later", D, "2025-03-14")],
    ),
    C(
        "anchor",
        "She was arrested on 3 May and charged the next day.",
        [E("3 May", D, "2025-05-03"), E("the next day", D, "2025-05-04")],
    ),
    C(
        "anchor",
        "The fire started on 14 June and was contained a week later.",
        [E("14 June", D, "2025-06-14"), E("a week later", D, ("2025-06-21", "2025-W25"))],
    ),
    C(
        "anchor",
        "He was admitted to hospital on 1 June and died three days later.",
        [E("1 June", D, "2025-06-01"), E("three days later", D, "2025-06-04")],
    ),
    C(
        "anchor",
        "The storm hit on Sunday. By the following Tuesday, power was restored.",
        [E("Sunday", D, "2025-06-29"), E("the following Tuesday", D, "2025-07-01")],
    ),
    C(
        "anchor",
        "The bill passed the House on 10 April, and the Senate approved it the following week.",
        [E("10 April", D, "2025-04-10"), E("the following week", D, "2025-W16")],
    ),
    C(
        "anchor",
        "The company filed for bankruptcy in March 2023. A year later, it was sold.",
        [E("March 2023", D, "2023-03"), E("A year later", D, ("2024", "2024-03"))],
    ),
    C(
        "anchor",
        "The plane crashed on 12 June. The day before, the pilot had reported a fault.",
        [E("12 June", D, "2025-06-12"), E("The day before", D, "2025-06-11")],
    ),
    C(
        "anchor",
        "The earthquake struck on 6 February 2023. That night, temperatures fell below freezing.",
        [E("6 February 2023", D, "2023-02-06"), E("That night", T, "2023-02-06TNI")],
    ),
    C(
        "anchor",
        "Protests began on 1 May; later that month, the government resigned.",
        [
            E("1 May", D, "2025-05-01"),
            E("later that month", D, "2025-05", (None, "END"), alt=("that month",)),
        ],
    ),
    C(
        "anchor",
        "The attack happened on 4 June. On the same day, troops crossed the border.",
        [E("4 June", D, "2025-06-04"), E("the same day", D, "2025-06-04")],
    ),
    C(
        "anchor",
        "She took office in January 2021 and resigned two years later.",
        [E("January 2021", D, "2021-01"), E("two years later", D, ("2023", "2023-01"))],
    ),
    C(
        "anchor",
        "In 2019 the company made a profit; the following year it lost money.",
        [E("2019", D, "2019"), E("the following year", D, "2020")],
    ),
    C(
        "anchor",
        "The referendum took place on 23 June 2016. The previous day, campaigning was suspended.",
        [E("23 June 2016", D, "2016-06-23"), E("The previous day", D, "2016-06-22")],
    ),
    C(
        "anchor",
        "The trial began on 3 March and lasted six weeks.",
        [E("3 March", D, "2025-03-03"), E("six weeks", DU, "P6W")],
    ),
    C(
        "anchor",
        "He was released on 20 January, 11 days after his arrest.",
        [E("20 January", D, "2025-01-20"), E("11 days", DU, "P11D")],
    ),
    C(
        "anchor",
        "The ship left port on 2 June. Four days later it sank.",
        [E("2 June", D, "2025-06-02"), E("Four days later", D, "2025-06-06")],
    ),
    C(
        "anchor",
        "The mayor was elected in May 2022. The next year, she was indicted.",
        [E("May 2022", D, "2022-05"), E("The next year", D, "2023")],
    ),
    C(
        "anchor",
        "The hostages were freed on 9 April. That afternoon, they flew home.",
        [E("9 April", D, "2025-04-09"), E("That afternoon", T, "2025-04-09TAF")],
    ),
    # ------------------------------------------------------------------ clock times, zones, days
    C(
        "clock",
        "The plane landed at 3:45 p.m. EDT on Thursday.",
        [
            E(
                "3:45 p.m. EDT on Thursday",
                T,
                ("2025-07-03T15:45", "2025-07-03T15:45-04:00", "2025-07-03T15:45-04"),
                alt=("3:45 p.m. EDT",),
            )
        ],
    ),
    C(
        "clock",
        "The blast happened at 14:30 GMT on Wednesday.",
        [E("14:30 GMT on Wednesday", T, ("2025-07-02T14:30", "2025-07-02T14:30Z"), alt=("14:30 GMT",))],
    ),
    C(
        "clock",
        "Polls open at 7 a.m. on Sunday.",
        [E("7 a.m. on Sunday", T, "2025-07-06T07:00", alt=("7 a.m.",))],
    ),
    C(
        "clock",
        "The quake struck at 3am on Sunday.",
        [E("3am on Sunday", T, "2025-06-29T03:00", alt=("3am",))],
    ),
    C(
        "clock",
        "The match kicks off at 3pm on Saturday.",
        [E("3pm on Saturday", T, "2025-07-05T15:00", alt=("3pm",))],
    ),
    C(
        "clock",
        "The announcement came at 10:30 a.m. local time (0730 GMT) on Tuesday.",
        [
            E("10:30 a.m. local time", T, "2025-07-01T10:30", alt=("10:30 a.m.",)),
            E("0730 GMT", T, ("2025-07-01T07:30", "2025-07-01T07:30Z")),
        ],
        ok=("Tuesday",),
    ),
    C("clock", "Trading was halted at 11.05am.", [E("11.05am", T, "2025-07-04T11:05")]),
    C(
        "clock",
        "The jury retired at 2.15pm on Wednesday.",
        [E("2.15pm on Wednesday", T, "2025-07-02T14:15", alt=("2.15pm",))],
    ),
    C(
        "clock",
        "The curfew starts at 9pm tonight.",
        [
            E("9pm tonight", T, "2025-07-04T21:00", alt=("9pm",)),
        ],
    ),
    C(
        "clock",
        "The first explosions were heard shortly after midnight.",
        [
            E(
                "midnight",
                T,
                ("2025-07-04T24:00", "2025-07-04T00:00", "2025-07-03T24:00"),
                alt=("shortly after midnight",),
            )
        ],
        deb="which day an unanchored midnight falls on is a convention",
    ),
    C(
        "clock",
        "The deadline expires at noon on Monday.",
        [E("noon on Monday", T, "2025-07-07T12:00", alt=("noon",))],
    ),
    C(
        "clock",
        "Rescuers reached the site at around 4 a.m.",
        [E("around 4 a.m.", T, "2025-07-04T04:00", "APPROX")],
    ),
    C(
        "clock",
        "The ceasefire took effect at 08:00 local time on Saturday.",
        [E("08:00 local time on Saturday", T, "2025-06-28T08:00", alt=("08:00 local time",))],
    ),
    C(
        "clock",
        "Shares opened at 9:30 a.m. ET and closed at 4 p.m. ET.",
        [
            E("9:30 a.m. ET", T, ("2025-07-04T09:30", "2025-07-04T09:30-04:00")),
            E("4 p.m. ET", T, ("2025-07-04T16:00", "2025-07-04T16:00-04:00")),
        ],
    ),
    C(
        "clock",
        "The rocket launched at 0600 GMT.",
        [E("0600 GMT", T, ("2025-07-04T06:00", "2025-07-04T06:00Z"))],
    ),
    C(
        "clock",
        "The vote closes at 17:00 CET on 12 July.",
        [E("17:00 CET on 12 July", T, ("2025-07-12T17:00", "2025-07-12T17:00+01:00"), alt=("17:00 CET",))],
    ),
    C(
        "clock",
        "The fire alarm sounded at 9:15pm BST on Sunday.",
        [E("9:15pm BST on Sunday", T, ("2025-06-29T21:15", "2025-06-29T21:15+01:00"), alt=("9:15pm BST",))],
    ),
    C(
        "clock",
        "The suspect was seen at 11 o'clock on Monday night.",
        [E("11 o'clock on Monday night", T, "2025-06-30T23:00", alt=("11 o'clock",))],
    ),
    C(
        "clock",
        "The strike will run from 6am to 9pm on Saturday.",
        [E("6am", T, "2025-07-05T06:00"), E("9pm on Saturday", T, "2025-07-05T21:00", alt=("9pm",))],
    ),
    # ------------------------------------------------------------------ parts of day
    C("pod", "Explosions were heard in Kyiv on Friday night.", [E("Friday night", T, "2025-07-04TNI")]),
    C("pod", "The minister resigned this morning.", [E("this morning", T, "2025-07-04TMO")]),
    C("pod", "The results will be announced this afternoon.", [E("this afternoon", T, "2025-07-04TAF")]),
    C("pod", "Fans gathered outside the stadium this evening.", [E("this evening", T, "2025-07-04TEV")]),
    C("pod", "Storms are expected tonight.", [E("tonight", T, "2025-07-04TNI")]),
    C("pod", "Two men were stabbed last night.", [E("last night", T, "2025-07-03TNI")]),
    C(
        "pod",
        "The president spoke to reporters yesterday afternoon.",
        [E("yesterday afternoon", T, "2025-07-03TAF")],
    ),
    C("pod", "The funeral will take place tomorrow morning.", [E("tomorrow morning", T, "2025-07-05TMO")]),
    C("pod", "The building collapsed on Sunday night.", [E("Sunday night", T, "2025-06-29TNI")]),
    C("pod", "Police were called on Wednesday evening.", [E("Wednesday evening", T, "2025-07-02TEV")]),
    C("pod", "Talks will continue on Monday morning.", [E("Monday morning", T, "2025-07-07TMO")]),
    C(
        "pod",
        "The attack took place late on Wednesday.",
        [E("late on Wednesday", D, "2025-07-02", "END", alt=("Wednesday",))],
        deb="'late Wednesday': TimeML gives mod END on the day; extent may or may not include 'late'",
    ),
    C(
        "pod",
        "The storm made landfall early on Tuesday.",
        [E("early on Tuesday", D, "2025-07-01", "START", alt=("Tuesday",))],
        deb="'early Tuesday': mod START on the day (or TMO)",
    ),
    C(
        "pod",
        "The drones struck in the early hours of Thursday.",
        [
            E(
                "the early hours of Thursday",
                T,
                ("2025-07-03TMO", "2025-07-03"),
                (None, "START"),
                alt=("Thursday",),
            )
        ],
        deb="early hours: TMO, START or plain day are all seen",
    ),
    C(
        "pod",
        "Soldiers left at dawn.",
        [E("dawn", T, ("2025-07-04TMO", "2025-07-04T06:00"))],
        deb="'dawn' is a markable; its value is not fixed by the guidelines",
    ),
    C("pod", "The cabinet met at midday.", [E("midday", T, "2025-07-04T12:00")]),
    C(
        "pod",
        "The hostages were released on the morning of 12 June.",
        [E("the morning of 12 June", T, "2025-06-12TMO", alt=("12 June",))],
    ),
    C(
        "pod",
        "The riot began on the night of 3 March.",
        [E("the night of 3 March", T, "2025-03-03TNI", alt=("3 March",))],
    ),
    C(
        "pod",
        "Temperatures will fall overnight.",
        [E("overnight", T, ("2025-07-04TNI",), alt=())],
        deb="'overnight' is tagged inconsistently in TimeBank",
    ),
    C(
        "pod",
        "The prime minister will address the nation on Saturday afternoon.",
        [E("Saturday afternoon", T, "2025-07-05TAF")],
    ),
    # ------------------------------------------------------------------ holidays
    C(
        "holiday",
        "U.S. markets are closed on Friday for Independence Day.",
        [E("Friday", D, "2025-07-04"), E("Independence Day", D, "2025-07-04")],
    ),
    C("holiday", "The hostages were freed on Christmas Day.", [E("Christmas Day", D, "2024-12-25")]),
    C("holiday", "The new law takes effect on Christmas Day.", [E("Christmas Day", D, "2025-12-25")]),
    C("holiday", "The store fire happened at Easter.", [E("Easter", D, "2025-04-20")]),
    C("holiday", "The family will gather on Thanksgiving.", [E("Thanksgiving", D, "2025-11-27")]),
    C("holiday", "Three people drowned on Memorial Day.", [E("Memorial Day", D, "2025-05-26")]),
    C("holiday", "Union leaders will march on Labor Day.", [E("Labor Day", D, "2025-09-01")]),
    C(
        "holiday",
        "The fireworks display on New Year's Eve was cancelled.",
        [E("New Year's Eve", D, "2024-12-31")],
    ),
    C("holiday", "The tariffs take effect on New Year's Day.", [E("New Year's Day", D, "2026-01-01")]),
    C("holiday", "The attack happened on Good Friday.", [E("Good Friday", D, "2025-04-18")]),
    C("holiday", "Shops reported record sales on Boxing Day.", [E("Boxing Day", D, "2024-12-26")]),
    C("holiday", "The parade will be held on Bastille Day.", [E("Bastille Day", D, "2025-07-14")]),
    C("holiday", "The museum opened on Juneteenth.", [E("Juneteenth", D, "2025-06-19")]),
    C(
        "holiday",
        "Retailers are preparing for Black Friday.",
        [E("Black Friday", D, "2025-11-28")],
        deb="'Black Friday' is a named shopping day; TIMEX2 tags named days",
    ),
    C("holiday", "Police expect large crowds at Halloween.", [E("Halloween", D, "2025-10-31")]),
    C(
        "holiday",
        "The president was inaugurated on Martin Luther King Day.",
        [E("Martin Luther King Day", D, "2025-01-20")],
    ),
    C(
        "holiday",
        "The service will be held on Remembrance Sunday.",
        [E("Remembrance Sunday", D, "2025-11-09")],
    ),
    C(
        "holiday",
        "The attack came on the eve of Eid al-Adha.",
        [E("Eid al-Adha", D, "2025-06-06")],
        deb="lunar holiday, date differs by country",
    ),
    C("holiday", "The strike will end before Christmas.", [E("Christmas", D, "2025-12-25")]),
    C(
        "holiday",
        "Thousands celebrated on the Fourth of July.",
        [E("the Fourth of July", D, "2025-07-04", alt=("Fourth of July",))],
    ),
    # ------------------------------------------------------------------ seasons
    C("season", "The festival will return this summer.", [E("this summer", D, "2025-SU")]),
    C("season", "Wildfires destroyed 200 homes last summer.", [E("last summer", D, "2024-SU")]),
    C("season", "The stadium will open next spring.", [E("next spring", D, "2026-SP")]),
    C("season", "Talks collapsed in the spring.", [E("the spring", D, "2025-SP")]),
    C("season", "The election is expected this autumn.", [E("this autumn", D, "2025-FA")]),
    C("season", "Gas prices soared last winter.", [E("last winter", D, ("2024-WI", "2025-WI"))]),
    C("season", "The summer of 1969 changed everything.", [E("The summer of 1969", D, "1969-SU")]),
    C("season", "The tower was completed in the autumn of 2023.", [E("the autumn of 2023", D, "2023-FA")]),
    C("season", "The new model goes on sale this fall.", [E("this fall", D, "2025-FA")]),
    C("season", "Energy bills will rise next winter.", [E("next winter", D, "2025-WI")]),
    C("season", "The factory closed in winter 2022.", [E("winter 2022", D, "2022-WI")]),
    C(
        "season",
        "Sales rose in the summer months.",
        [E("the summer months", D, ("2025-SU",), alt=("summer",))],
        deb="generic 'the summer months'",
    ),
    # ------------------------------------------------------------------ quarters, halves, fiscal years
    C("fiscal", "Revenue rose 8 percent in the second quarter.", [E("the second quarter", D, "2025-Q2")]),
    C("fiscal", "Profit fell in the first quarter of 2024.", [E("the first quarter of 2024", D, "2024-Q1")]),
    C("fiscal", "The company expects growth in the fourth quarter.", [E("the fourth quarter", D, "2025-Q4")]),
    C(
        "fiscal",
        "Sales dropped in the fourth quarter of last year.",
        [E("the fourth quarter of last year", D, "2024-Q4")],
    ),
    C("fiscal", "Q1 earnings beat forecasts.", [E("Q1", D, "2025-Q1")]),
    C("fiscal", "Deliveries fell in Q4 2024.", [E("Q4 2024", D, "2024-Q4")]),
    C("fiscal", "Output grew in the first half of 2025.", [E("the first half of 2025", D, "2025-H1")]),
    C(
        "fiscal",
        "The airline expects demand to recover in the second half of the year.",
        [E("the second half of the year", D, "2025-H2")],
    ),
    C("fiscal", "The bank's first-half profit doubled.", [E("first-half", D, "2025-H1")]),
    C("fiscal", "Revenue fell in fiscal 2024.", [E("fiscal 2024", D, ("2024", "FY2024"))]),
    C("fiscal", "The group raised its guidance for FY25.", [E("FY25", D, ("2025", "FY2025"))]),
    C(
        "fiscal",
        "Third-quarter results are due on 24 October.",
        [E("Third-quarter", D, "2025-Q3"), E("24 October", D, "2025-10-24")],
    ),
    C(
        "fiscal",
        "Net income rose to $2.1bn in the quarter, from $1.8bn a year earlier.",
        [E("the quarter", D, "2025-Q2"), E("a year earlier", D, ("2024-Q2",))],
        deb="reporting-period reading of bare 'the quarter'",
    ),
    C(
        "fiscal",
        "Sales in the three months to June rose 4%.",
        [E("the three months to June", DU, "P3M", alt=("the three months", "three months"))],
        deb="span/type convention for 'the three months to June'",
    ),
    C(
        "fiscal",
        "The budget covers the 2025-26 fiscal year.",
        [E("the 2025-26 fiscal year", D, ("2025", "FY2025", "2026"), alt=("2025-26",))],
        deb="split fiscal years have no agreed TIMEX3 value",
    ),
    C("fiscal", "Exports fell in H1 2025.", [E("H1 2025", D, "2025-H1")]),
    C("fiscal", "The retailer's full-year results are due in September.", [E("September", D, "2025-09")]),
    # ------------------------------------------------------------------ decades and centuries
    C("decade", "The band was formed in the 1990s.", [E("the 1990s", D, "199")]),
    C("decade", "Interest rates last hit this level in the '80s.", [E("the '80s", D, "198")]),
    C("decade", "The town boomed in the nineties.", [E("the nineties", D, "199")]),
    C("decade", "The cathedral was built in the 19th century.", [E("the 19th century", D, "18")]),
    C("decade", "It is the worst drought of the 21st century.", [E("the 21st century", D, "20")]),
    C("decade", "Inflation was high in the late 1970s.", [E("the late 1970s", D, "197", "END")]),
    C("decade", "The policy dates from the mid-1990s.", [E("the mid-1990s", D, "199", "MID")]),
    C("decade", "The city grew rapidly in the early 2000s.", [E("the early 2000s", D, "200", "START")]),
    C("decade", "Temperatures will keep rising through the 2030s.", [E("the 2030s", D, "203")]),
    C(
        "decade",
        "The railway was built in the 1800s.",
        [E("the 1800s", D, ("18", "180"))],
        deb="'the 1800s' is usually the century (18), sometimes read as the decade 180",
    ),
    C(
        "decade",
        "The mill operated until the early 20th century.",
        [E("the early 20th century", D, "19", "START")],
    ),
    C("decade", "Emissions have fallen over the past decade.", [E("the past decade", DU, ("P1DE", "P10Y"))]),
    C("decade", "He served in the 1960s and 1970s.", [E("the 1960s", D, "196"), E("1970s", D, "197")]),
    # ------------------------------------------------------------------ durations
    C("dur", "The siege lasted three days.", [E("three days", DU, "P3D")]),
    C(
        "dur",
        "The talks lasted about three hours.",
        [
            E(
                "about three hours",
                DU,
                "PT3H",
                "APPROX",
                deb=_OUTSIDE,
            )
        ],
    ),
    C(
        "dur",
        "He has been in prison for nearly two decades.",
        [
            E(
                "nearly two decades",
                DU,
                ("P2DE", "P20Y"),
                ("LESS_THAN", "APPROX"),
                deb="mod for 'nearly': LESS_THAN/APPROX in TIMEX2 usage, EQUAL_OR_LESS chosen by the tagger",
            )
        ],
    ),
    C("dur", "The strike has lasted more than a week.", [E("more than a week", DU, "P1W", "MORE_THAN")]),
    C(
        "dur",
        "Residents were without power for at least 48 hours.",
        [E("at least 48 hours", DU, "PT48H", "EQUAL_OR_MORE")],
    ),
    C(
        "dur",
        "The offence carries a sentence of up to six months.",
        [E("up to six months", DU, "P6M", "EQUAL_OR_LESS")],
    ),
    C("dur", "The match was delayed by 90 minutes.", [E("90 minutes", DU, "PT90M")]),
    C(
        "dur",
        "The recovery could take a year and a half.",
        [E("a year and a half", DU, ("P1.5Y", "P18M", "P1Y6M"))],
    ),
    C(
        "dur",
        "The journey took two and a half hours.",
        [E("two and a half hours", DU, ("PT2.5H", "PT150M", "PT2H30M"))],
    ),
    C("dur", "The ship was stuck for a fortnight.", [E("a fortnight", DU, "P2W")]),
    C("dur", "The meeting lasted half an hour.", [E("half an hour", DU, ("PT30M", "PT0.5H"))]),
    C("dur", "Negotiators worked for several weeks on the text.", [E("several weeks", DU, "PXW")]),
    C("dur", "The family waited a few days for news.", [E("a few days", DU, "PXD")]),
    C(
        "dur",
        "The dispute has simmered for decades.",
        [E("decades", DU, "PXDE", deb="PXY for 'decades' loses the unit; TIMEX2 writes PXDE")],
    ),
    C("dur", "The virus spread rapidly over the past 24 hours.", [E("the past 24 hours", DU, "PT24H")]),
    C(
        "dur",
        "The army has been shelling the city for the last three months.",
        [E("the last three months", DU, "P3M")],
    ),
    C("dur", "Unions called a 24-hour strike.", [E("24-hour", DU, "PT24H")]),
    C("dur", "He signed a three-year contract.", [E("three-year", DU, "P3Y")]),
    C("dur", "He was jailed for less than an hour.", [E("less than an hour", DU, "PT1H", "LESS_THAN")]),
    C(
        "dur",
        "The ceremony lasted roughly 20 minutes.",
        [
            E(
                "roughly 20 minutes",
                DU,
                "PT20M",
                "APPROX",
                deb=_OUTSIDE,
            )
        ],
    ),
    C("dur", "The couple had been married for some 40 years.", [E("some 40 years", DU, "P40Y", "APPROX")]),
    C(
        "dur",
        "The crew spent almost three weeks at sea.",
        [
            E(
                "almost three weeks",
                DU,
                "P3W",
                ("LESS_THAN", "APPROX"),
                deb=_OUTSIDE,
            )
        ],
    ),
    C(
        "dur",
        "Patients must isolate for no more than 14 days.",
        [E("no more than 14 days", DU, "P14D", "EQUAL_OR_LESS")],
    ),
    C("dur", "The champion finished in under two hours.", [E("under two hours", DU, "PT2H", "LESS_THAN")]),
    C(
        "dur",
        "The ceasefire was extended by a further 30 days.",
        [E("a further 30 days", DU, "P30D", alt=("30 days",))],
    ),
    C(
        "dur",
        "The president is judged on his first 100 days.",
        [E("his first 100 days", DU, "P100D", alt=("first 100 days", "100 days"))],
    ),
    C("dur", "The flight took 1 hour 45 minutes.", [E("1 hour 45 minutes", DU, "PT1H45M")]),
    C("dur", "Traders had waited for hours.", [E("hours", DU, "PTXH")]),
    C(
        "dur",
        "The two sides have been at war for more than three years.",
        [E("more than three years", DU, "P3Y", "MORE_THAN")],
    ),
    C("dur", "The government agreed a 72-hour truce.", [E("72-hour", DU, "PT72H")]),
    C("dur", "Months of negotiations ended in failure.", [E("Months", DU, "PXM")]),
    C("dur", "The EU agreed a 30-day ceasefire proposal.", [E("30-day", DU, "P30D")]),
    C(
        "dur",
        "The queue stretched for over two hours.",
        [
            E(
                "over two hours",
                DU,
                "PT2H",
                "MORE_THAN",
                deb=_OUTSIDE,
            )
        ],
    ),
    C("dur", "The rover has been on Mars for 4,000 days.", [E("4,000 days", DU, "P4000D")]),
    C("dur", "The airport was closed for 36 hours.", [E("36 hours", DU, "PT36H")]),
    C("dur", "It was the longest shutdown in 35 days of talks.", [E("35 days", DU, "P35D")]),
    # ------------------------------------------------------------------ sets
    C("set", "The committee meets every Monday.", [E("every Monday", S, "XXXX-WXX-1")]),
    C("set", "Protesters gather on Mondays outside the parliament.", [E("Mondays", S, "XXXX-WXX-1")]),
    C(
        "set",
        "The festival is held each year in August.",
        [E("each year", S, "P1Y"), E("August", D, ("XXXX-08", "2025-08"))],
        deb="the month inside a recurring frame is underspecified (XXXX-08) or read as this year's",
    ),
    C("set", "The ministry publishes the figures daily.", [E("daily", S, "P1D")]),
    C("set", "The magazine is published weekly.", [E("weekly", S, "P1W")]),
    C("set", "Patients are seen twice a month.", [E("twice a month", S, "P1M")]),
    C("set", "The tablets should be taken three times a day.", [E("three times a day", S, "P1D")]),
    C("set", "Elections are held every four years.", [E("every four years", S, "P4Y")]),
    C("set", "Inspectors visit every two weeks.", [E("every two weeks", S, "P2W")]),
    C("set", "The prize is awarded annually.", [E("annually", S, "P1Y")]),
    C("set", "Curfews are enforced every night.", [E("every night", S, ("XXXX-XX-XXTNI", "TNI", "P1D"))]),
    C("set", "The pass is closed every winter.", [E("every winter", S, ("XXXX-WI",))]),
    C("set", "Trains run every 15 minutes.", [E("every 15 minutes", S, "PT15M")]),
    C("set", "Bulletins are updated hourly.", [E("hourly", S, "PT1H")]),
    C("set", "The data are released monthly.", [E("monthly", S, "P1M")]),
    C(
        "set",
        "The president holds a briefing every morning.",
        [E("every morning", S, ("XXXX-XX-XXTMO", "TMO"))],
    ),
    C("set", "The army carries out drills every day.", [E("every day", S, "P1D")]),
    C("set", "The market is held each Saturday.", [E("each Saturday", S, "XXXX-WXX-6")]),
    C("set", "Rents rise once a year.", [E("once a year", S, "P1Y")]),
    C("set", "The festival takes place every July.", [E("every July", S, "XXXX-07")]),
    C(
        "set",
        "The government spends $5bn a year on the programme.",
        [E("a year", S, "P1Y")],
        deb="rate 'a year' after an amount: TimeBank tags it as SET P1Y",
    ),
    C("set", "The daily briefing was cancelled.", [E("daily", S, "P1D")]),
    C(
        "set",
        "The King's annual speech was delayed.",
        [E("annual", S, "P1Y")],
        deb="TimeBank tags 'annual' sometimes",
    ),
    # ------------------------------------------------------------------ ranges
    C(
        "range",
        "The summit will be held from 14 to 16 July.",
        [E("14", D, "2025-07-14"), E("16 July", D, "2025-07-16")],
    ),
    C("range", "Inflation averaged 3% between 2019 and 2021.", [E("2019", D, "2019"), E("2021", D, "2021")]),
    C(
        "range",
        "Rainfall in June-August 2024 was below average.",
        [E("June", D, "2024-06"), E("August 2024", D, "2024-08")],
    ),
    C(
        "range",
        "The office is open from 9am to 5pm.",
        [
            E("9am", T, ("2025-07-04T09:00", "XXXX-XX-XXT09:00", "T09:00")),
            E("5pm", T, ("2025-07-04T17:00", "XXXX-XX-XXT17:00", "T17:00")),
        ],
    ),
    C(
        "range",
        "Talks will run from Monday to Wednesday.",
        [E("Monday", D, "2025-07-07"), E("Wednesday", D, "2025-07-09")],
    ),
    C("range", "He was chief executive from 1999 to 2001.", [E("1999", D, "1999"), E("2001", D, "2001")]),
    C("range", "He led the party in 1999-2001.", [E("1999", D, "1999"), E("2001", D, "2001")]),
    C("range", "Sales rose from March through May.", [E("March", D, "2025-03"), E("May", D, "2025-05")]),
    C("range", "The exhibition runs until 30 September.", [E("30 September", D, "2025-09-30")]),
    C(
        "range",
        "The festival takes place on July 18-20.",
        [E("July 18", D, "2025-07-18"), E("20", D, "2025-07-20")],
        deb="'July 18-20' as two TIMEX3 (TimeML) vs one",
    ),
    C(
        "range",
        "Strikes are planned between 10 and 12 August.",
        [E("10", D, "2025-08-10"), E("12 August", D, "2025-08-12")],
    ),
    C("range", "The war lasted from 1914 until 1918.", [E("1914", D, "1914"), E("1918", D, "1918")]),
    # ------------------------------------------------------------------ early / mid / late, ends
    C("emod", "The plant will reopen in early 2026.", [E("early 2026", D, "2026", "START")]),
    C("emod", "The fighting intensified in mid-June.", [E("mid-June", D, "2025-06", "MID")]),
    C("emod", "The company collapsed late last year.", [E("late last year", D, "2024", "END")]),
    C("emod", "The ship is expected in early September.", [E("early September", D, "2025-09", "START")]),
    C(
        "emod",
        "A decision is expected in the middle of next month.",
        [E("the middle of next month", D, "2025-08", "MID")],
    ),
    C(
        "emod",
        "The loan must be repaid by the end of the month.",
        [E("the end of the month", D, "2025-07", "END")],
    ),
    C("emod", "Inflation will fall by the end of the year.", [E("the end of the year", D, "2025", "END")]),
    C("emod", "Prices peaked in late May.", [E("late May", D, "2025-05", "END")]),
    C(
        "emod",
        "Talks are set for the start of next week.",
        [E("the start of next week", D, "2025-W28", "START")],
    ),
    C(
        "emod",
        "The rally is planned for the beginning of 2026.",
        [E("the beginning of 2026", D, "2026", "START")],
    ),
    C("emod", "The bridge will be finished by mid-2027.", [E("mid-2027", D, "2027", "MID")]),
    C("emod", "The thaw began at the end of last week.", [E("the end of last week", D, "2025-W26", "END")]),
    C(
        "emod",
        "The new rules come into force at the end of August.",
        [E("the end of August", D, "2025-08", "END")],
    ),
    C("emod", "Oil prices fell in early trading on Monday.", [E("Monday", D, "2025-06-30")]),
    C("emod", "The deal should close early next year.", [E("early next year", D, "2026", "START")]),
    C("emod", "Turnout was higher in the late 1980s.", [E("the late 1980s", D, "198", "END")]),
    C(
        "emod",
        "A vote is expected later this month.",
        [E("later this month", D, "2025-07", (None, "END"), alt=("this month",))],
        deb="'later' gives no standard mod",
    ),
    # ------------------------------------------------------------------ vague
    C("vague", "The company recently cut 500 jobs.", [E("recently", D, "PAST_REF")]),
    C("vague", "The mine is now closed.", [E("now", D, "PRESENT_REF")]),
    C("vague", "The president is currently in Brussels.", [E("currently", D, "PRESENT_REF")]),
    C(
        "vague",
        "More cuts are expected in the coming weeks.",
        [E("the coming weeks", DU, ("PXW", "FUTURE_REF"), alt=("coming weeks",))],
        deb="TimeBank: DURATION PXW; some read FUTURE_REF",
    ),
    C("vague", "Such attacks were rare in the past.", [E("the past", D, "PAST_REF")]),
    C("vague", "The plant will be expanded in the future.", [E("the future", D, "FUTURE_REF")]),
    C(
        "vague",
        "Food prices have risen sharply in recent years.",
        [E("recent years", DU, ("PXY", "PAST_REF"))],
        deb="TimeBank has both PXY and PAST_REF",
    ),
    C("vague", "Unemployment is at its highest level in years.", [E("years", DU, "PXY")]),
    C("vague", "These days few people use cash.", [E("These days", D, "PRESENT_REF")]),
    C(
        "vague",
        "The bridge will soon reopen.",
        [E("soon", D, "FUTURE_REF")],
        deb="'soon' is tagged by some (FUTURE_REF) and not by others",
    ),
    C("vague", "Until now, no one has been charged.", [E("now", D, "PRESENT_REF")]),
    C("vague", "For now, the market remains calm.", [E("now", D, "PRESENT_REF")]),
    C("vague", "Tensions have risen in recent weeks.", [E("recent weeks", DU, ("PXW", "PAST_REF"))]),
    C(
        "vague",
        "The crisis is the worst in a generation.",
        [E("a generation", DU, ("P1G", "PXY", "P25Y"))],
        deb="'a generation' has no TIMEX3 unit",
    ),
    C(
        "vague",
        "The pipeline is at present out of action.",
        [E("present", D, "PRESENT_REF", alt=("at present",))],
    ),
    C(
        "vague",
        "The country has for the time being suspended deportations.",
        [E("the time being", D, "PRESENT_REF")],
        deb="rarely tagged",
    ),
    # ------------------------------------------------------------------ numeric and written dates
    C("numeric", "The contract was signed on 2025-06-30.", [E("2025-06-30", D, "2025-06-30")]),
    C("numeric", "The contract was signed on 30/06/2025.", [E("30/06/2025", D, "2025-06-30")]),
    C("numeric", "The contract was signed on 06/30/2025.", [E("06/30/2025", D, "2025-06-30")]),
    C("numeric", "The contract was signed on 30.06.2025.", [E("30.06.2025", D, "2025-06-30")]),
    C("numeric", "The contract was signed on 6/30/25.", [E("6/30/25", D, "2025-06-30")]),
    C(
        "numeric",
        "The hearing was set for 04/07/2025.",
        [E("04/07/2025", D, ("2025-07-04", "2025-04-07"))],
        deb="day/month order is ambiguous; the tagger leaves it untagged by design",
    ),
    C("numeric", "The contract was signed on June 30, 2025.", [E("June 30, 2025", D, "2025-06-30")]),
    C("numeric", "The contract was signed on Monday, June 30.", [E("Monday, June 30", D, "2025-06-30")]),
    C("numeric", "The contract was signed on Mon 30 June.", [E("Mon 30 June", D, "2025-06-30")]),
    C(
        "numeric",
        "The contract was signed on the 30th of June.",
        [E("the 30th of June", D, "2025-06-30", alt=("30th of June",))],
    ),
    C("numeric", "The president was inaugurated on Jan. 20.", [E("Jan. 20", D, "2025-01-20")]),
    C("numeric", "The tax will be introduced on Dec. 1.", [E("Dec. 1", D, "2025-12-01")]),
    C("numeric", "The trial opens on Sept 15.", [E("Sept 15", D, "2025-09-15")]),
    C("numeric", "The factory opened in June 2023.", [E("June 2023", D, "2023-06")]),
    C("numeric", "The rules were changed in 2019.", [E("2019", D, "2019")]),
    C("numeric", "Troops landed in Normandy on 6 June 1944.", [E("6 June 1944", D, "1944-06-06")]),
    C("numeric", "The contract was signed on 30-Jun-2025.", [E("30-Jun-2025", D, "2025-06-30")]),
    C("numeric", "The contract was signed on 30 Jun 25.", [E("30 Jun 25", D, "2025-06-30")]),
    C("numeric", "The contract runs until 31st December 2026.", [E("31st December 2026", D, "2026-12-31")]),
    C(
        "numeric",
        "The body was found on the 15th.",
        [E("the 15th", D, ("2025-06-15",), alt=("15th",))],
        deb="past 'the 15th' in July: 2025-06-15 (or 2025-07-15 if future)",
    ),
    C("numeric", "The meeting on July 1st ended without agreement.", [E("July 1st", D, "2025-07-01")]),
    C("numeric", "The firm was founded in 1887 in Ohio.", [E("1887", D, "1887")]),
    C("numeric", "The results are expected in March.", [E("March", D, "2026-03")]),
    C("numeric", "The results were published in March.", [E("March", D, "2025-03")]),
    C("numeric", "The law will be reviewed in September.", [E("September", D, "2025-09")]),
    C("numeric", "The company lost money in November.", [E("November", D, "2024-11")]),
    C("numeric", "Temperatures reached 40C in July.", [E("July", D, "2025-07")]),
    C("numeric", "The rocket exploded in January last year.", [E("January last year", D, "2024-01")]),
    C("numeric", "The tournament starts on 11 June 2026.", [E("11 June 2026", D, "2026-06-11")]),
    C(
        "numeric",
        "The attack on 7/7 killed 52 people.",
        [],
        deb="'7/7' names the 2005 London bombings (7 July 2005); tagging it as a 2025 date would be wrong",
    ),
    # ------------------------------------------------------------------ sports
    C("sport", "Smith scored in the 89th minute.", []),
    C("sport", "United equalised in stoppage time.", []),
    C("sport", "Arsenal beat Chelsea 2-1 on Sunday.", [E("Sunday", D, "2025-06-29")]),
    C("sport", "Alcaraz won 6-4, 6-3, 7-5.", []),
    C("sport", "The striker scored twice in the second half.", [], deb=None),
    C(
        "sport",
        "The Chiefs scored with 2:30 left in the fourth quarter.",
        [E("2:30", DU, ("PT2M30S",), deb="game clock; at most a DURATION")],
    ),
    C("sport", "The three-time champion was knocked out.", []),
    C("sport", "He received a two-week suspension.", [E("two-week", DU, "P2W")]),
    C("sport", "Their first win since 2019 lifted the mood.", [E("2019", D, "2019")]),
    C("sport", "England won the 1966 World Cup final.", [E("1966", D, "1966")]),
    C("sport", "The 2026 World Cup will be held in North America.", [E("2026", D, "2026")]),
    C("sport", "He birdied the 18th hole to win.", []),
    C("sport", "The race was stopped on lap 57.", []),
    C("sport", "Play resumed after a 90-minute rain delay.", [E("90-minute", DU, "PT90M")]),
    C(
        "sport",
        "He ran the 100m in 9.58 seconds.",
        [E("9.58 seconds", DU, "PT9.58S")],
        deb="race times are durations in TIMEX2; some leave them",
    ),
    C(
        "sport",
        "The 24-year-old forward signed a five-year deal.",
        [E("five-year", DU, "P5Y")],
        ok=("24-year-old",),
    ),
    C("sport", "Rain stopped play on day three of the Test.", []),
    C("sport", "The Lakers won 112-104 on Tuesday night.", [E("Tuesday night", T, "2025-07-01TNI")]),
    C("sport", "She won gold at the 2012 London Olympics.", [E("2012", D, "2012")]),
    C(
        "sport",
        "City have won the title in four of the last five seasons.",
        [],
        deb="'seasons' is not a calendar unit",
    ),
    C("sport", "The Broncos led 24-17 at half-time.", []),
    C(
        "sport",
        "The ban runs until the end of the season.",
        [],
        deb="'the end of the season' has no calendar value",
    ),
    # ------------------------------------------------------------------ courts
    C("court", "He was sentenced to 12 years in prison.", [E("12 years", DU, "P12Y")]),
    C(
        "court",
        "She must serve at least 25 years before parole.",
        [E("at least 25 years", DU, "P25Y", "EQUAL_OR_MORE")],
    ),
    C("court", "He was remanded in custody until 14 July.", [E("14 July", D, "2025-07-14")]),
    C(
        "court",
        "The trial, which began in May, is expected to last six weeks.",
        [E("May", D, "2025-05"), E("six weeks", DU, "P6W")],
    ),
    C("court", "He will be sentenced next month.", [E("next month", D, "2025-08")]),
    C("court", "The defence has 30 days to appeal.", [E("30 days", DU, "P30D")]),
    C("court", "The court overturned its 1973 ruling.", [E("1973", D, "1973")]),
    C("court", "The jury deliberated for nine hours.", [E("nine hours", DU, "PT9H")]),
    C(
        "court",
        "The judge adjourned the case until 2pm on Thursday.",
        [E("2pm on Thursday", T, "2025-07-10T14:00", alt=("2pm",))],
    ),
    C(
        "court",
        "The offences took place between 2015 and 2018.",
        [E("2015", D, "2015"), E("2018", D, "2018")],
    ),
    C("court", "He was jailed for life with a minimum term of 30 years.", [E("30 years", DU, "P30Y")]),
    C("court", "The 45-year-old man was charged with murder.", [], ok=("45-year-old",)),
    C(
        "court",
        "He was charged under Section 18 of the 1861 Act.",
        [E("1861", D, "1861")],
        deb="year inside a statute name",
    ),
    C("court", "The defendant, 34, denies the charges.", []),
    C("court", "The hearing was adjourned for a fortnight.", [E("a fortnight", DU, "P2W")]),
    C("court", "He faces up to 10 years in prison.", [E("up to 10 years", DU, "P10Y", "EQUAL_OR_LESS")]),
    C("court", "The appeal will be heard on 3 November.", [E("3 November", D, "2025-11-03")]),
    C(
        "court",
        "The inquest heard he died in the early hours of 5 January.",
        [
            E(
                "the early hours of 5 January",
                T,
                ("2025-01-05TMO", "2025-01-05"),
                (None, "START"),
                alt=("5 January",),
            )
        ],
        deb="early hours: TMO or day",
    ),
    C("court", "He was given a suspended sentence of 18 months.", [E("18 months", DU, "P18M")]),
    C(
        "court",
        "The fraud ran for more than a decade.",
        [E("more than a decade", DU, ("P1DE", "P10Y"), "MORE_THAN")],
    ),
    # ------------------------------------------------------------------ elections
    C("elect", "Polls close at 10pm.", [E("10pm", T, "2025-07-04T22:00")]),
    C("elect", "Labour won the 2024 general election.", [E("2024", D, "2024")]),
    C("elect", "The Germans voted on 23 February.", [E("23 February", D, "2025-02-23")]),
    C(
        "elect",
        "The first round will be held on 12 October, with a run-off two weeks later.",
        [E("12 October", D, "2025-10-12"), E("two weeks later", D, ("2025-10-26", "2025-W43"))],
    ),
    C("elect", "The last election, in 2021, was marred by violence.", [E("2021", D, "2021")]),
    C("elect", "The next election is due by August 2029.", [E("August 2029", D, "2029-08")]),
    C(
        "elect",
        "Trump won on Election Day in 2024.",
        [
            E("Election Day in 2024", D, "2024-11-05", alt=("Election Day",)),
        ],
        deb="extent 'Election Day in 2024' vs two tags",
    ),
    C("elect", "Voters backed him in May's local elections.", [E("May", D, "2025-05", alt=("May's",))]),
    C("elect", "He promised four more years of growth.", [E("four more years", DU, "P4Y")]),
    C(
        "elect",
        "She voted for him in the 2020 and 2024 elections.",
        [E("2020", D, "2020"), E("2024", D, "2024")],
    ),
    C("elect", "The senator served two six-year terms.", [E("six-year", DU, "P6Y")]),
    C(
        "elect",
        "Counting continued through the night.",
        [E("the night", T, "2025-07-04TNI")],
        deb="'through the night' on a counting night",
    ),
    C(
        "elect",
        "Exit polls will be published at 10pm on Thursday.",
        [E("10pm on Thursday", T, "2025-07-10T22:00", alt=("10pm",))],
    ),
    C(
        "elect",
        "The president will mark his first 100 days in office on 29 April.",
        [
            E("his first 100 days", DU, "P100D", alt=("first 100 days", "100 days")),
            E("29 April", D, "2026-04-29"),
        ],
        deb="29 April future: 2026",
    ),
    # ------------------------------------------------------------------ war reporting
    C("war", "Russia launched the full-scale invasion in February 2022.", [E("February 2022", D, "2022-02")]),
    C("war", "Israel and Egypt fought the Six-Day War.", []),
    C(
        "war",
        "The city was shelled overnight.",
        [E("overnight", T, "2025-07-03TNI")],
        deb="'overnight' tagged inconsistently",
    ),
    C(
        "war",
        "Both sides agreed to a truce that began at midnight on Sunday.",
        [
            E(
                "midnight on Sunday",
                T,
                ("2025-06-29T24:00", "2025-06-29T00:00", "2025-06-30T00:00"),
                alt=("midnight",),
            )
        ],
        deb="midnight on Sunday: start or end of Sunday",
    ),
    C("war", "The town fell during the Second World War.", []),
    C("war", "Veterans marked the anniversary of D-Day.", [], deb="D-Day is an event name"),
    C("war", "The war has killed thousands since October 2023.", [E("October 2023", D, "2023-10")]),
    C("war", "The Yom Kippur War began in 1973.", [E("1973", D, "1973")]),
    C(
        "war",
        "Heavy fighting continued for a third day on Thursday.",
        [E("Thursday", D, "2025-07-03")],
        deb="'a third day' is an ordinal count, not a TIMEX",
    ),
    C("war", "Ukraine said it shot down 40 drones in the past day.", [E("the past day", DU, "P1D")]),
    C("war", "The Hundred Years' War ended in 1453.", [E("1453", D, "1453")]),
    C(
        "war",
        "The 12-day war between Israel and Iran ended in June.",
        [E("12-day", DU, "P12D"), E("June", D, "2025-06")],
        deb="'12-day' inside an event description, not a capitalised name",
    ),
    C(
        "war",
        "More than 1,000 days have passed since the invasion.",
        [E("More than 1,000 days", DU, "P1000D", "MORE_THAN")],
    ),
    C("war", "Air raid sirens sounded across Ukraine at 2am.", [E("2am", T, "2025-07-04T02:00")]),
    # ------------------------------------------------------------------ weather
    C("weather", "Temperatures will hit 35C on Saturday.", [E("Saturday", D, "2025-07-05")]),
    C("weather", "It was the hottest June on record.", [E("June", D, "2025-06")]),
    C("weather", "Heavy rain is expected over the next 48 hours.", [E("the next 48 hours", DU, "PT48H")]),
    C("weather", "The heatwave will ease by the weekend.", [E("the weekend", D, "2025-W27-WE")]),
    C("weather", "Showers will clear later today.", [E("later today", D, "2025-07-04", alt=("today",))]),
    C(
        "weather",
        "An amber warning is in place until 6pm on Sunday.",
        [E("6pm on Sunday", T, "2025-07-06T18:00", alt=("6pm",))],
    ),
    C("weather", "It was the wettest spell since records began in 1884.", [E("1884", D, "1884")]),
    C("weather", "Forecasters warned of a 1-in-100-year flood.", [], deb="return period, not a time"),
    C(
        "weather",
        "Snow fell across Scotland on Wednesday morning.",
        [E("Wednesday morning", T, "2025-07-02TMO")],
    ),
    C("weather", "The next few days will be dry.", [E("The next few days", DU, "PXD")]),
    C(
        "weather",
        "The storm is forecast to arrive on Sunday evening.",
        [E("Sunday evening", T, "2025-07-06TEV")],
    ),
    C("weather", "Temperatures could reach 40C next Tuesday.", [E("next Tuesday", D, "2025-07-08")]),
    C("weather", "Storm Eowyn caused chaos in January.", [E("January", D, "2025-01")]),
    C("weather", "The drought is the worst in 50 years.", [E("50 years", DU, "P50Y")]),
    C("weather", "A hosepipe ban will start on 11 July.", [E("11 July", D, "2025-07-11")]),
    # ------------------------------------------------------------------ health
    C(
        "health",
        "The pills should be taken twice a day for 14 days.",
        [E("twice a day", S, "P1D"), E("14 days", DU, "P14D")],
    ),
    C("health", "The booster is offered every six months.", [E("every six months", S, "P6M")]),
    C("health", "Patients should be seen within 48 hours.", [E("48 hours", DU, "PT48H")]),
    C(
        "health",
        "Some patients have waited more than 18 weeks.",
        [E("more than 18 weeks", DU, "P18W", "MORE_THAN")],
    ),
    C("health", "Cases have doubled in the past year.", [E("the past year", DU, "P1Y")]),
    C("health", "The NHS aims to end the backlog by 2030.", [E("2030", D, "2030")]),
    C("health", "The seven-day average of Covid-19 cases rose.", [E("seven-day", DU, "P7D")]),
    C("health", "Vaccination rates have fallen since 2019.", [E("2019", D, "2019")]),
    C("health", "The drug was approved over the past five years.", [E("the past five years", DU, "P5Y")]),
    C("health", "Flu cases peaked last winter.", [E("last winter", D, ("2024-WI", "2025-WI"))]),
    C("health", "Adults aged 65 and over are eligible.", []),
    C("health", "The H5N1 virus was detected in 2024.", [E("2024", D, "2024")]),
    C("health", "One in five adults smoked in 2010.", [E("2010", D, "2010")]),
    C("health", "The health secretary unveiled a 10-year plan.", [E("10-year", DU, "P10Y")]),
    C(
        "health",
        "Doctors will strike for five days from 7am on 25 July.",
        [E("five days", DU, "P5D"), E("7am on 25 July", T, "2025-07-25T07:00", alt=("7am",))],
    ),
    # ------------------------------------------------------------------ finance
    C("finance", "The S&P 500 closed at a record on Thursday.", [E("Thursday", D, "2025-07-03")]),
    C("finance", "The FTSE 100 fell 1% in early trading.", []),
    C(
        "finance",
        "The Dow fell 700 points on Black Monday.",
        [],
        deb="'Black Monday' names the 1987 crash; a generic news sentence",
    ),
    C("finance", "The crash of Black Monday in 1987 wiped out 22% of the Dow.", [E("1987", D, "1987")]),
    C("finance", "Shares closed at $2,024 on Wednesday.", [E("Wednesday", D, "2025-07-02")]),
    C("finance", "The firm cut 2,000 jobs in 2023.", [E("2023", D, "2023")]),
    C("finance", "The company will pay a dividend of 1,999 pence.", []),
    C(
        "finance",
        "The 10-year Treasury yield rose to 4.4%.",
        [E("10-year", DU, "P10Y")],
        deb="TimeBank tags '30-year' bonds as DURATION; many systems skip",
    ),
    C("finance", "The Fed held rates at its June meeting.", [E("June", D, "2025-06")]),
    C("finance", "Sterling hit a five-year high against the euro.", [E("five-year", DU, "P5Y")]),
    C("finance", "The stock hit a 52-week high.", [E("52-week", DU, "P52W")]),
    C("finance", "Sales rose 5% year-on-year in May.", [E("May", D, "2025-05")]),
    C(
        "finance",
        "Retail sales have risen for three consecutive months.",
        [E("three consecutive months", DU, "P3M", alt=("three months",))],
    ),
    C("finance", "Rates were held at 4.25%-4.5%.", []),
    C("finance", "U.S. stocks closed higher on Wall Street on Thursday.", [E("Thursday", D, "2025-07-03")]),
    C("finance", "Oil rose to $75 a barrel in 2024.", [E("2024", D, "2024")]),
    C("finance", "The bond matures in 2035.", [E("2035", D, "2035")]),
    C(
        "finance",
        "The company's net profit for 2024/25 rose 12%.",
        [E("2024/25", D, ("2024", "2025", "FY2024", "FY2025"))],
        deb="split year",
    ),
    C("finance", "The central bank meets eight times a year.", [E("eight times a year", S, "P1Y")]),
    C(
        "finance",
        "The shares have risen 40% year to date.",
        [E("year to date", DU, ("P1Y",), alt=())],
        deb="'year to date' rarely tagged",
    ),
    C(
        "finance",
        "Exports in the year to March fell 3%.",
        [E("the year to March", DU, ("P1Y",), alt=("March",))],
        deb="period 'the year to March'",
    ),
    C(
        "finance",
        "Airbus delivered 67 jets in June, up from 50 in May.",
        [E("June", D, "2025-06"), E("May", D, "2025-05")],
    ),
    # ------------------------------------------------------------------ false-positive traps
    C("trap", "The bank may cut rates.", []),
    C("trap", "May the best team win.", []),
    C("trap", "Thousands march through London.", []),
    C("trap", "Protesters will march on Saturday.", [E("Saturday", D, "2025-07-05")]),
    C("trap", "April Johnson, 34, said she was shocked.", []),
    C("trap", "Ms June Taylor was named chief executive.", []),
    C("trap", "The Sunday Times reported the story first.", []),
    C("trap", "The shop is on Fifth Avenue.", []),
    C("trap", "He grew up on Seventh Street in Brooklyn.", []),
    C("trap", "A 1990s-style boy band topped the charts.", [], ok=("1990s",)),
    C(
        "trap",
        "Protesters gathered after Friday prayers.",
        [E("Friday", D, "2025-07-04")],
        deb="'Friday prayers' here refers to today's prayers; generic reading gives nothing",
    ),
    C(
        "trap",
        "Friday prayers are a weekly ritual for millions.",
        [E("weekly", S, "P1W")],
        deb="'Friday prayers' generic",
    ),
    C("trap", "The Boeing 737 Max was grounded.", []),
    C("trap", "Leaders met at the G7 summit in Canada.", []),
    C("trap", "The Covid-19 pandemic hit tourism.", []),
    C("trap", "Shoppers queued outside a 7-Eleven store.", []),
    C("trap", "The Tories lost 1,000 seats.", []),
    C("trap", "The dam holds 2,030 cubic metres of water.", []),
    C("trap", "The ship carried 1,944 passengers.", []),
    C("trap", "The Apollo 11 crew landed on the Moon.", []),
    C("trap", "The Route 66 diner closed.", []),
    C("trap", "Fans sang along to Summer of '69.", [], deb="song title"),
    C(
        "trap",
        "Saudi Arabia's Vision 2030 plan aims to diversify the economy.",
        [],
        deb="year inside a proper name",
    ),
    C("trap", "The price rose to 1,850 dollars.", []),
    C("trap", "The Senate voted 51-49.", []),
    C("trap", "He lives at 2024 Elm Street.", []),
    C("trap", "Temperatures fell to minus 12.", []),
    C("trap", "The shop opens 24/7.", [], ok=("24/7",)),
    C("trap", "Officers seized 2,021 kilograms of cocaine.", []),
    C("trap", "The film Seven Days in May was remade.", [], deb="film title"),
    C("trap", "A march on the capital ended peacefully.", []),
    C("trap", "The Mays Chapel branch closed.", []),
    C(
        "trap",
        "Rate cuts may come as early as September.",
        [E("September", D, "2025-09", (None, "ON_OR_AFTER"), alt=("as early as September",))],
    ),
    C("trap", "He was elected in the second round.", []),
    C("trap", "The museum shows art from the Tudor period.", []),
    C("trap", "The team plays in the Premier League.", []),
    C("trap", "The suspect, a 19-year-old student, was arrested.", [], ok=("19-year-old",)),
    C("trap", "The ministry reported 1,987 new cases.", []),
    C("trap", "The Second Avenue subway line was extended.", []),
    C("trap", "The 9/11 attacks killed nearly 3,000 people.", [], deb="'9/11' names the 2001 attacks"),
    C("trap", "The 2008 financial crisis hit banks hard.", [E("2008", D, "2008")]),
    C("trap", "The company's Spring 2026 collection launched.", [E("Spring 2026", D, "2026-SP")]),
    C("trap", "The Mars rover Perseverance collected its 25th sample.", []),
    C("trap", "Chapter 11 bankruptcy protection was sought.", []),
    # ================================================================== second round (from exploration)
    # ---- a date followed by a comma and a number
    C("numeric", "On 5 May, 12 people were killed.", [E("5 May", D, "2025-05-05")]),
    C("numeric", "On 14 March, 2,000 people marched.", [E("14 March", D, "2025-03-14")]),
    C("numeric", "The ship sank on June 2, 40 miles off the coast.", [E("June 2", D, "2025-06-02")]),
    C(
        "anchor",
        "The match was played on 3 March, 48 hours after the draw.",
        [E("3 March", D, "2025-03-03"), E("48 hours", DU, "PT48H")],
    ),
    C(
        "anchor",
        "He was freed on January 20, 11 days after his arrest.",
        [E("January 20", D, "2025-01-20"), E("11 days", DU, "P11D")],
    ),
    # ---- present simple / "expected" / "due" for the future; ambiguous past forms
    C("relday", "Ministers meet on Tuesday.", [E("Tuesday", D, "2025-07-08")]),
    C("relday", "The minister flies to Paris on Tuesday.", [E("Tuesday", D, "2025-07-08")]),
    C("relday", "The festival starts on Thursday.", [E("Thursday", D, "2025-07-10")]),
    C("relday", "The deadline passes on Wednesday.", [E("Wednesday", D, "2025-07-09")]),
    C("relday", "The deadline is Tuesday.", [E("Tuesday", D, "2025-07-08")]),
    C("relday", "Ministers have until Tuesday to reach a deal.", [E("Tuesday", D, "2025-07-08")]),
    C("relday", "An announcement is expected on Tuesday.", [E("Tuesday", D, "2025-07-08")]),
    C("relday", "The vote is expected on Thursday.", [E("Thursday", D, "2025-07-10")]),
    C("relday", "Rain is expected at the weekend.", [E("the weekend", D, "2025-W27-WE")]),
    C("relday", "A ruling is expected in February.", [E("February", D, "2026-02")]),
    C("relday", "The law comes into force in April.", [E("April", D, "2026-04")]),
    C("relday", "The company cut 300 jobs on Monday.", [E("Monday", D, "2025-06-30")]),
    C("relday", "The storm hit the coast on Sunday.", [E("Sunday", D, "2025-06-29")]),
    C("relday", "The government set a deadline on Wednesday.", [E("Wednesday", D, "2025-07-02")]),
    C("relday", "The road has been closed since Sunday.", [E("Sunday", D, "2025-06-29")]),
    C("relday", "The factory has been closed since September.", [E("September", D, "2024-09")]),
    C("relday", "Prices have been rising since October.", [E("October", D, "2024-10")]),
    # ---- "the weekend" after other prepositions
    C(
        "relday",
        "Jurors were sent home for the weekend.",
        [E("the weekend", D, ("2025-W27-WE", "2025-W26-WE"))],
    ),
    C("relday", "The road has been closed since the weekend.", [E("the weekend", D, "2025-W26-WE")]),
    C("relday", "Talks will continue until the weekend.", [E("the weekend", D, "2025-W27-WE")]),
    C(
        "relday",
        "The weekend's rain caused flooding.",
        [E("The weekend", D, "2025-W26-WE", alt=("The weekend's",))],
    ),
    # ---- clock times: 24-hour wire style, o'clock, words
    C(
        "clock",
        "The blast happened at 2200 GMT Thursday.",
        [E("2200 GMT Thursday", T, ("2025-07-03T22:00", "2025-07-03T22:00Z"), alt=("2200 GMT",))],
        ok=("Thursday",),
    ),
    C(
        "clock",
        "Russian forces attacked at 0400 GMT on Monday.",
        [E("0400 GMT on Monday", T, ("2025-06-30T04:00", "2025-06-30T04:00Z"), alt=("0400 GMT",))],
        ok=("Monday",),
    ),
    C("clock", "Kickoff is at 1945 BST.", [E("1945 BST", T, ("2025-07-04T19:45", "2025-07-04T19:45+01:00"))]),
    C(
        "clock",
        "The strike began at 0001 on Saturday.",
        [E("0001 on Saturday", T, "2025-06-28T00:01", alt=("0001",))],
        ok=("Saturday",),
    ),
    C(
        "clock",
        "The vote is at 7pm PT on Tuesday.",
        [E("7pm PT on Tuesday", T, ("2025-07-08T19:00", "2025-07-08T19:00-07:00"), alt=("7pm PT",))],
        ok=("Tuesday",),
    ),
    C(
        "clock",
        "The meeting starts at 10 o'clock.",
        [E("10 o'clock", T, ("2025-07-04T10:00", "2025-07-04T22:00"))],
    ),
    C(
        "clock",
        "He left at half past nine.",
        [E("half past nine", T, ("2025-07-04T09:30", "2025-07-04T21:30"))],
    ),
    C(
        "clock",
        "He left at a quarter to five.",
        [E("a quarter to five", T, ("2025-07-04T04:45", "2025-07-04T16:45"))],
    ),
    C("clock", "Talks began at 1000 local time.", [E("1000 local time", T, "2025-07-04T10:00")]),
    C("pod", "The blast happened at 6 this morning.", [E("6 this morning", T, "2025-07-04T06:00")]),
    C("pod", "The blast happened late last night.", [E("late last night", T, "2025-07-03TNI", "END")]),
    C(
        "pod",
        "The blast happened early this morning.",
        [E("early this morning", T, "2025-07-04TMO", "START")],
    ),
    C(
        "pod",
        "The blast happened in the early hours of this morning.",
        [E("the early hours of this morning", T, ("2025-07-04TMO",), (None, "START"), alt=("this morning",))],
    ),
    C(
        "pod",
        "The blast happened at lunchtime on Monday.",
        [E("lunchtime on Monday", T, ("2025-06-30T12:00", "2025-06-30TMI"), alt=("lunchtime",))],
        ok=("Monday",),
        deb="'lunchtime' has no fixed TIMEX3 value",
    ),
    # ---- numeric / abbreviated dates
    C("numeric", "The event was held on Jun 30, 2025.", [E("Jun 30, 2025", D, "2025-06-30")]),
    C("numeric", "The event was held on Sep 3.", [E("Sep 3", D, "2024-09-03")]),
    C("numeric", "The event was held on Mar 3.", [E("Mar 3", D, "2025-03-03")]),
    C("numeric", "The figures were published in 2025-06.", [E("2025-06", D, "2025-06")]),
    C("numeric", "The deadline is 7/14.", [E("7/14", D, "2025-07-14")]),
    C("numeric", "The event was held on 30 June '25.", [E("30 June '25", D, "2025-06-30")]),
    C("fiscal", "Revenue rose in 2Q25.", [E("2Q25", D, "2025-Q2")]),
    C("fiscal", "Revenue rose in 1H 2025.", [E("1H 2025", D, "2025-H1")]),
    # ---- years before 1600, centuries in words
    C("numeric", "William invaded England in 1066.", [E("1066", D, "1066")]),
    C("numeric", "The Magna Carta was sealed in 1215.", [E("1215", D, "1215")]),
    C("numeric", "Columbus reached the Americas in 1492.", [E("1492", D, "1492")]),
    C("numeric", "Vesuvius erupted in AD 79.", [E("AD 79", D, "0079", alt=("79",))], deb="BC/AD years"),
    C("decade", "The church dates to the 1500s.", [E("the 1500s", D, ("15", "150"), alt=("1500s",))]),
    C("decade", "The town was founded in the sixteenth century.", [E("the sixteenth century", D, "15")]),
    C("decade", "The band peaked in the 80s.", [E("the 80s", D, "198", alt=("80s",))]),
    C("decade", "The band peaked in the 1980's.", [E("the 1980's", D, "198", alt=("1980's",))]),
    C(
        "decade",
        "The city grew rapidly in the last century.",
        [E("the last century", D, ("19", "P100Y"))],
        deb="'in the last century' = the 20th century (19) or the past 100 years (DURATION)",
    ),
    # ---- sets
    C("set", "The market is held on Saturdays.", [E("Saturdays", S, "XXXX-WXX-6")]),
    C("set", "The shop is closed on Sundays.", [E("Sundays", S, "XXXX-WXX-7")]),
    C("set", "He works weekends.", [E("weekends", S, "XXXX-WXX-WE")]),
    C("set", "Curfews are enforced each night.", [E("each night", S, ("XXXX-XX-XXTNI", "TNI", "P1D"))]),
    C("set", "The pass is closed each summer.", [E("each summer", S, "XXXX-SU")]),
    C(
        "set",
        "He visits his mother every Christmas.",
        [E("every Christmas", S, "XXXX-12-25", alt=("Christmas",))],
    ),
    C("set", "The figures are published every few months.", [E("every few months", S, "PXM")]),
    C("set", "Trains run every half hour.", [E("every half hour", S, ("PT30M", "PT0.5H"))]),
    C("set", "The figures are published twice yearly.", [E("twice yearly", S, "P1Y")]),
    C(
        "set",
        "The briefing is held every weekday.",
        [E("every weekday", S, ("XXXX-WXX-WD", "P1D"))],
        deb="no standard value for weekdays; the type SET is what matters",
    ),
    C(
        "set",
        "He earns $20 an hour.",
        [E("an hour", S, "PT1H")],
        deb="rate 'an hour': SET in TimeBank practice",
    ),
    # ---- ranges
    C("range", "The exhibition ran from May to August.", [E("May", D, "2024-05"), E("August", D, "2024-08")]),
    C(
        "range",
        "Sales fell between January and March.",
        [E("January", D, "2025-01"), E("March", D, "2025-03")],
    ),
    C(
        "range",
        "Rainfall from June to August 2024 was below average.",
        [E("June", D, "2024-06"), E("August 2024", D, "2024-08")],
    ),
    # ---- durations
    C(
        "dur",
        "The ban will last a minimum of six months.",
        [E("a minimum of six months", DU, "P6M", "EQUAL_OR_MORE", alt=("six months",))],
    ),
    C(
        "dur",
        "The ban will last a maximum of six months.",
        [E("a maximum of six months", DU, "P6M", "EQUAL_OR_LESS", alt=("six months",))],
    ),
    C(
        "court",
        "He was told he would serve a minimum of 22 years.",
        [E("a minimum of 22 years", DU, "P22Y", "EQUAL_OR_MORE", alt=("22 years",))],
    ),
    C("dur", "The talks lasted 14 hours and 30 minutes.", [E("14 hours and 30 minutes", DU, "PT14H30M")]),
    C("dur", "The film is 2 hours 10 minutes long.", [E("2 hours 10 minutes", DU, "PT2H10M")]),
    C("dur", "The plant has been closed for the past fortnight.", [E("the past fortnight", DU, "P2W")]),
    C(
        "dur",
        "The talks lasted approximately two hours.",
        [
            E(
                "approximately two hours",
                DU,
                "PT2H",
                "APPROX",
                deb=_OUTSIDE,
            )
        ],
    ),
    C(
        "dur",
        "He spent a year-and-a-half in hiding.",
        [E("a year-and-a-half", DU, ("P1Y6M", "P18M", "P1.5Y"))],
    ),
    # ---- vague past references
    C("vague", "The deal was signed years ago.", [E("years ago", D, "PAST_REF")]),
    C("vague", "The deal was signed decades ago.", [E("decades ago", D, "PAST_REF")]),
    C("vague", "The deal was signed some years ago.", [E("some years ago", D, "PAST_REF")]),
    C("vague", "The deal was signed the other day.", [E("the other day", D, "PAST_REF")]),
    C("vague", "The firm is presently in talks.", [E("presently", D, "PRESENT_REF")]),
    C(
        "vague",
        "Today, the city is a thriving tourist hub.",
        [E("Today", D, ("PRESENT_REF", "2025-07-04"))],
        deb="generic 'today'",
    ),
    # ---- quotes with a speech date in another year
    C(
        "quote",
        '"Last year was a record," the chief executive said on 15 January 2024.',
        [E("Last year", D, "2023"), E("15 January 2024", D, "2024-01-15")],
    ),
    C(
        "quote",
        '"This year will be tough," she said in a speech on 3 January 2024.',
        [E("This year", D, "2024"), E("3 January 2024", D, "2024-01-03")],
    ),
    # ---- holidays with fixed dates
    C("holiday", "Protests took place on May Day.", [E("May Day", D, "2025-05-01")]),
    C("holiday", "The service was held on Anzac Day.", [E("Anzac Day", D, "2025-04-25")]),
    C(
        "holiday",
        "He was shot on Guy Fawkes Night.",
        [E("Guy Fawkes Night", T, ("2024-11-05TNI", "2024-11-05"))],
    ),
    C("holiday", "The attack came during Ramadan.", [E("Ramadan", D, ("2025-03",))], deb="lunar month"),
    C(
        "holiday",
        "The Queen's Christmas message aired on Christmas Day 2021.",
        [
            E(
                "Christmas",
                D,
                "2021-12-25",
                deb="adjectival holiday: tag optional, but a 2024 value is wrong",
            ),
            E("Christmas Day 2021", D, "2021-12-25"),
        ],
    ),
    # ---- names and counts (false positives)
    C("trap", "The Sunday Telegraph reported the story.", []),
    C("trap", "The Mail on Sunday published the photos.", []),
    C("trap", "The Good Friday Agreement was signed in 1998.", [E("1998", D, "1998")]),
    C("trap", "The Good Friday Agreement ended decades of conflict.", [E("decades", DU, ("PXDE", "PXY"))]),
    C("trap", "The Winter Olympics open in February.", [E("February", D, "2026-02")]),
    C("trap", "The Easter Rising was a rebellion.", []),
    C("trap", "The Seven Years' War ended in 1763.", [E("1763", D, "1763")]),
    C("trap", "The Thirty Years' War devastated Europe.", []),
    C("trap", "The Hundred Days Offensive ended the war.", []),
    C("trap", "Airlines cancelled 1900 flights.", []),
    C("trap", "Hamas fired 2000 rockets.", []),
    C("trap", "The party won 1998 seats.", []),
    C("trap", "Some 1900 children were vaccinated.", []),
    C("trap", "Police received 2019 calls.", []),
    C("sport", "The Bulls led by 10 at the end of the first quarter.", []),
    C("sport", "The Bulls led by 10 in the third quarter.", []),
    C("trap", "Orwell's 1984 is a classic.", [], deb="book title"),
    # ---- third round: British idioms, lists, month names at sentence start, modals
    C("relday", "The vote will be held a week on Monday.", [E("a week on Monday", D, "2025-07-14")]),
    C("relday", "The vote will be held on Monday week.", [E("Monday week", D, "2025-07-14")]),
    C("relday", "The vote was held a week last Monday.", [E("a week last Monday", D, "2025-06-23")]),
    C("numeric", "May saw record rainfall.", [E("May", D, "2025-05")]),
    C("trap", "The firm may report in March.", [E("March", D, "2026-03")]),
    C(
        "range",
        "The strikes took place on 1, 2 and 3 July.",
        [E("1", D, "2025-07-01"), E("2", D, "2025-07-02"), E("3 July", D, "2025-07-03")],
    ),
    C("relday", "The Senate voted Thursday to pass the bill.", [E("Thursday", D, "2025-07-03")]),
    C("relday", "The House will vote Tuesday on the bill.", [E("Tuesday", D, "2025-07-08")]),
    C("numeric", "The event was held on Jul 3.", [E("Jul 3", D, "2025-07-03")]),
    C("numeric", "Shares fell on Apr 3.", [E("Apr 3", D, "2025-04-03")]),
]

for i, c in enumerate(CASES, 1):
    c.id = i
