"""The seed agenda CAC/COSP/WG.4/2020/1/Rev.1 as a structured description.

``publishing.demo.loader.load_description`` reads this; nothing here is specific to the
loader, so another agenda can be described the same way.

Chinese is transcribed from the Chinese edition (``tests/data/seed_zh.txt``):
lines broken by the PDF extraction are rejoined, stray spaces at line ends dropped, and
the spaces the UN Chinese style puts around Arabic numerals and Latin letters kept
(``8 月 31 日``, ``M 楼``). Where the seed itself has a slip it is kept as printed (the
missing "；" after list entry (b) under item 2).

English is the original language of the document. It is translated from the Chinese in
the wording of UNODC documents where that wording is known (names of bodies, titles of
resolutions, the functions listed in resolution 3/2, item 2 as quoted in
CAC/COSP/WG.4/2020/3); the rest is a faithful translation, not the official text.

Names of bodies and of the venue are given in all six languages, as the UN writes
them, so that every language edition has a readable masthead; the text of the agenda
itself is left to the translators.

Translatable values are dictionaries keyed by language code; languages left out stay
untouched (and empty on a fresh database) for the translators to fill.
"""

import datetime

CONFERENCE = "CAC/COSP"
WORKING_GROUP = "CAC/COSP/WG.4"
REVIEW_GROUP = "CAC/COSP/IRG"
AGENDA_SYMBOL = "CAC/COSP/WG.4/2020/1/Rev.1"
VIC = "Vienna International Centre"
PLENARY_HALL_M = "Plenary Hall M, M Building"

BODIES = [
    {
        "symbol_prefix": CONFERENCE,
        "slug": "cosp",
        "gathering_term": "session",
        "name": {
            "en": "Conference of the States Parties to the United Nations Convention against "
            "Corruption",
            "zh-hans": "联合国反腐败公约缔约国会议",
            "fr": "Conférence des États parties à la Convention des Nations Unies contre la "
            "corruption",
            "es": "Conferencia de los Estados Partes en la Convención de las Naciones Unidas "
            "contra la Corrupción",
            "ru": "Конференция государств – участников Конвенции Организации Объединенных "
            "Наций против коррупции",
            "ar": "مؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد",
        },
        "short_name": {
            "en": "Conference",
            "zh-hans": "缔约国会议",
            "fr": "Conférence",
            "es": "Conferencia",
            "ru": "Конференция",
            "ar": "المؤتمر",
        },
    },
    {
        "symbol_prefix": WORKING_GROUP,
        "slug": "cosp-wg4",
        "parent": CONFERENCE,
        "gathering_term": "meeting",
        "name": {
            "en": "Open-ended Intergovernmental Working Group on the Prevention of Corruption",
            "zh-hans": "预防腐败问题不限成员名额政府间工作组",
            "fr": "Groupe de travail intergouvernemental à composition non limitée sur la "
            "prévention de la corruption",
            "es": "Grupo de Trabajo Intergubernamental de Composición Abierta sobre "
            "Prevención de la Corrupción",
            "ru": "Межправительственная рабочая группа открытого состава по предупреждению "
            "коррупции",
            "ar": "الفريق العامل الحكومي الدولي المفتوح العضوية المعني بمنع الفساد",
        },
        "short_name": {
            "en": "Working Group",
            "zh-hans": "工作组",
            "fr": "Groupe de travail",
            "es": "Grupo de Trabajo",
            "ru": "Рабочая группа",
            "ar": "الفريق العامل",
        },
    },
    {
        "symbol_prefix": REVIEW_GROUP,
        "slug": "cosp-irg",
        "parent": CONFERENCE,
        "gathering_term": "session",
        # The full name is already short; the seed never abbreviates it.
        "name": {
            "en": "Implementation Review Group",
            "zh-hans": "实施情况审议组",
            "fr": "Groupe d’examen de l’application",
            "es": "Grupo de Examen de la Aplicación",
            "ru": "Группа по обзору хода осуществления",
            "ar": "فريق استعراض التنفيذ",
        },
        "short_name": {
            "en": "Implementation Review Group",
            "zh-hans": "实施情况审议组",
            "fr": "Groupe d’examen de l’application",
            "es": "Grupo de Examen de la Aplicación",
            "ru": "Группа по обзору хода осуществления",
            "ar": "فريق استعراض التنفيذ",
        },
    },
]

VENUES = [
    {
        "name": {
            "en": VIC,
            "zh-hans": "维也纳国际中心",
            "fr": "Centre international de Vienne",
            "es": "Centro Internacional de Viena",
            "ru": "Венский международный центр",
            "ar": "مركز فيينا الدولي",
        },
        "city": {
            "en": "Vienna",
            "zh-hans": "维也纳",
            "fr": "Vienne",
            "es": "Viena",
            "ru": "Вена",
            "ar": "فيينا",
        },
        "time_zone": "Europe/Vienna",
        "rooms": [{"name": {"en": PLENARY_HALL_M, "zh-hans": "M 楼 M 全体会议厅"}}],
    },
]

SESSIONS = [
    {
        "body": WORKING_GROUP,
        "number": 11,
        "start_date": datetime.date(2020, 8, 31),
        "end_date": datetime.date(2020, 9, 2),
        "venue": VIC,
        "room": PLENARY_HALL_M,
    },
    {
        # Strictly the first resumed eleventh session (its eleventh session met online
        # from 29 June to 1 July 2020); the model has no notion of a resumed session, and
        # only its part held jointly with the Working Group matters here. Its agenda is
        # not in the system: the joint meeting records its items as printed.
        "body": REVIEW_GROUP,
        "number": 11,
        "start_date": datetime.date(2020, 8, 31),
        "end_date": datetime.date(2020, 9, 2),
        "venue": VIC,
        "room": PLENARY_HALL_M,
    },
]

RESOLUTIONS = [
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 3,
        "number": 2,
        "title": {"en": "Preventive measures", "zh-hans": "预防措施"},
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 6,
        "number": 1,
        "title": {
            "en": "Continuation of the review of implementation of the United Nations "
            "Convention against Corruption",
            "zh-hans": "继续审议《联合国反腐败公约》实施情况",
        },
    },
    {
        "body": CONFERENCE,
        "kind": "decision",
        "session_number": 7,
        "number": 1,
        # The seed cites decision 7/1 without its title, so there is no Chinese title to
        # transcribe: it stays empty for a translator rather than being invented. The
        # English title is as listed in the contents of the (advance unedited) report of
        # the Conference on its seventh session; check it against the final report.
        "title": {"en": "Work of the subsidiary bodies established by the Conference"},
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 8,
        "number": 3,
        # "among States parties", as CAC/COSP/WG.4/2020/3 quotes the title; the Chinese
        # (缔约国公共部门) reads the same.
        "title": {
            "en": "Promoting integrity in the public sector among States parties to the "
            "United Nations Convention against Corruption",
            "zh-hans": "促进《联合国反腐败公约》缔约国公共部门的廉正",
        },
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 8,
        "number": 7,
        "title": {
            "en": "Enhancing the effectiveness of anti-corruption bodies in fighting corruption",
            "zh-hans": "加强反腐败机构在打击腐败方面的效力",
        },
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 8,
        "number": 8,
        "title": {
            "en": "Follow-up to the Marrakech declaration on the prevention of corruption",
            "zh-hans": "《马拉喀什预防腐败宣言》的后续行动",
        },
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 8,
        "number": 10,
        "title": {"en": "Measurement of corruption", "zh-hans": "对腐败的衡量"},
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 8,
        "number": 11,
        "title": {
            "en": "Strengthening the implementation of the United Nations Convention against "
            "Corruption in small island developing States",
            "zh-hans": "加强小岛屿发展中国家实施《联合国反腐败公约》",
        },
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 8,
        "number": 12,
        "title": {
            "en": "Preventing and combating corruption as it relates to crimes that have an "
            "impact on the environment",
            "zh-hans": "预防和打击与影响环境的犯罪有关的腐败",
        },
    },
    {
        "body": CONFERENCE,
        "kind": "resolution",
        "session_number": 8,
        "number": 13,
        "title": {
            "en": "Abu Dhabi declaration on enhancing collaboration between the supreme audit "
            "institutions and anti-corruption bodies to more effectively prevent and fight "
            "corruption",
            "zh-hans": "关于加强最高审计机构与反腐败机构之间的合作以更有效地预防和打击腐败的"
            "阿布扎比宣言",
        },
    },
]

DOCUMENTS = [
    {
        "symbol": "CAC/COSP/WG.4/2020/2",
        "distribution": "general",
        "original_language": "en",
        "title": {
            "en": "Background paper prepared by the Secretariat on progress made in the "
            "implementation of the mandates of the Working Group",
            "zh-hans": "秘书处编写的关于工作组任务执行进展情况的背景文件",
        },
    },
    {
        "symbol": "CAC/COSP/WG.4/2020/3",
        "distribution": "general",
        "original_language": "en",
        "title": {
            "en": "Background paper prepared by the Secretariat on the implementation of "
            "relevant Conference resolutions",
            "zh-hans": "秘书处编写的关于缔约国会议有关决议执行情况的背景文件",
        },
    },
    {
        "symbol": "CAC/COSP/WG.4/2020/4",
        "distribution": "general",
        "original_language": "en",
        "title": {
            "en": "Background paper prepared by the Secretariat on enhancing the effectiveness "
            "of anti-corruption bodies",
            "zh-hans": "秘书处编写的关于提高反腐败机构效力的背景文件",
        },
    },
]

# Items are listed in reading order; their numbers (1., (a) ...) are derived from it.
# ``key`` is the stable identity of an item across reloads and renumbering.
ITEMS = [
    {
        "key": "organizational-matters",
        "title": {"en": "Organizational matters", "zh-hans": "组织事项"},
        # Item 1 has no paragraphs of its own: all its annotations are under (a) and (b).
        "children": [
            {
                "key": "opening-of-the-meeting",
                "title": {"en": "Opening of the meeting", "zh-hans": "会议开幕"},
                "annotation": {
                    "en": [
                        "The eleventh meeting of the Open-ended Intergovernmental Working "
                        "Group on the Prevention of Corruption will be opened on Monday, "
                        "31 August 2020, at 11 a.m., in Plenary Hall M, M Building, at the "
                        "Vienna International Centre.",
                    ],
                    "zh-hans": [
                        "预防腐败问题不限成员名额政府间工作组第十一次会议将于 8 月 31 日星期一"
                        "上午 11 时在维也纳国际中心 M 楼 M 全体会议厅开幕。",
                    ],
                },
            },
            {
                "key": "adoption-of-the-agenda",
                "title": {
                    "en": "Adoption of the agenda and organization of work",
                    "zh-hans": "通过议程和工作安排",
                },
                "annotation": {
                    "en": [
                        "In its resolution 8/8, entitled “Follow-up to the Marrakech "
                        "declaration on the prevention of corruption”, the Conference of the "
                        "States Parties to the United Nations Convention against Corruption "
                        "decided that the Working Group should continue its work to advise "
                        "and assist the Conference in the implementation of its mandate on "
                        "the prevention of corruption and should hold at least two meetings "
                        "prior to the ninth session of the Conference.",
                        "The provisional agenda for the eleventh meeting has been prepared "
                        "in accordance with Conference resolution 8/7, entitled “Enhancing "
                        "the effectiveness of anti-corruption bodies in fighting corruption”, "
                        "in which the Conference decided to include the issue of enhancing "
                        "the effectiveness of anti-corruption bodies in the agenda of the "
                        "Working Group.",
                        "The proposed organization of work (see annex) has been prepared in "
                        "line with the guidance contained in the workplan for the subsidiary "
                        "bodies of the Conference adopted at the eighth session of the "
                        "Conference, held in Abu Dhabi from 16 to 20 December 2019, and with "
                        "the subsequent recommendations of the Bureau of the Conference, so "
                        "as to allow agenda item 2 to be considered jointly with the "
                        "Implementation Review Group.",
                    ],
                    "zh-hans": [
                        "联合国反腐败公约缔约国会议在题为“《马拉喀什预防腐败宣言》的后续行动”"
                        "的第 8/8 号决议中决定，工作组应继续开展工作，为缔约国会议执行其预防"
                        "腐败任务提供建议和协助，并应在缔约国会议第九届会议之前至少举行两次"
                        "会议。",
                        "第十一次会议的临时议程是根据缔约国会议题为“加强反腐败机构在打击腐败"
                        "方面的效力”的第 8/7 号决议编写的，缔约国会议在该决议中决定将加强反"
                        "腐败机构效力的问题列入工作组议程。",
                        "拟议工作安排（见附件）是根据 2019 年 12 月 16 日至 20 日在阿布扎比"
                        "举行的缔约国会议第八届会议通过的缔约国会议附属机构工作计划所载的指导"
                        "意见以及随后的缔约国会议主席团建议编写的，以便能够与实施情况审议组"
                        "共同审议议程项目 2。",
                    ],
                },
            },
        ],
    },
    {
        "key": "implementation-of-conference-resolutions",
        # As CAC/COSP/WG.4/2020/3 quotes item 2 of the agenda for this meeting.
        "title": {
            "en": "Implementation of relevant Conference resolutions",
            "zh-hans": "缔约国会议有关决议的执行情况",
        },
        # These citations make footnote 1 of the seed; it is never typed.
        "citations": [
            {"resolution": (CONFERENCE, "resolution", 8, 3)},
            {"resolution": (CONFERENCE, "resolution", 8, 7)},
            {"resolution": (CONFERENCE, "resolution", 8, 8)},
            {"resolution": (CONFERENCE, "resolution", 8, 10)},
            {"resolution": (CONFERENCE, "resolution", 8, 11)},
            {"resolution": (CONFERENCE, "resolution", 8, 12)},
            {"resolution": (CONFERENCE, "resolution", 8, 13)},
        ],
        # The resolutions cited in the annotations (3/2, 6/1, 7/1, 8/7, 8/8) are named in
        # the text itself; the seed gives them no footnote, so they get no citation (a
        # citation on the annotation would print one).
        "annotation": {
            "en": [
                "In its resolution 3/2, entitled “Preventive measures”, the Conference "
                "stressed the importance of implementing articles 5 to 14 of the Convention "
                "in order to prevent and combat corruption. In that resolution, the "
                "Conference also decided to establish an interim open-ended "
                "intergovernmental working group to advise and assist the Conference in the "
                "implementation of its mandate on the prevention of corruption, and decided "
                "that the working group would perform the following functions:",
                "(a) Assist the Conference in developing and accumulating knowledge in the "
                "area of prevention of corruption;",
                "(b) Facilitate the exchange of information and experience among States on "
                "preventive measures and practices;",
                "(c) Facilitate the collection, dissemination and promotion of best practices "
                "in corruption prevention;",
                "(d) Assist the Conference in encouraging cooperation among all stakeholders "
                "and sectors of society in order to prevent corruption.",
                "In its resolution 8/8, the Conference welcomed the continuing efforts of the "
                "Working Group to promote the exchange of information among States parties "
                "and underlined the importance of the conclusions and recommendations of "
                "the meetings of the Working Group held in Vienna from 5 to 7 September 2018 "
                "and from 4 to 6 September 2019.",
                "In the same resolution, the Conference requested States parties to continue "
                "to share information and requested the Secretariat, subject to the "
                "availability of extrabudgetary resources, to continue to act as an "
                "international observatory, including by updating the thematic website of "
                "the Working Group with relevant information.",
                "In its resolution 6/1, entitled “Continuation of the review of "
                "implementation of the United Nations Convention against Corruption”, the "
                "Conference of the States Parties to the United Nations Convention against "
                "Corruption requested the Secretariat to structure the provisional agendas "
                "of the subsidiary bodies established by the Conference so as to avoid "
                "duplicating discussions while respecting their mandates.",
                "In its resolution 8/7, the Conference decided to include the issue of "
                "enhancing the effectiveness of anti-corruption bodies in the agenda of the "
                "Working Group. Pursuant to that resolution, the topic for discussion at the "
                "eleventh meeting is “Effectiveness of anti-corruption bodies (article 6 of "
                "the United Nations Convention against Corruption)”.",
                "At its second meeting, held in Vienna from 22 to 24 August 2011, the Working "
                "Group recommended that, in advance of each of its future meetings, States "
                "parties be invited to share their experiences in implementing the "
                "provisions under consideration, preferably by using the self-assessment "
                "checklist and including, where possible, successes, challenges, technical "
                "assistance needs and lessons learned in implementation. The Working Group "
                "requested the Secretariat to prepare a background paper summarizing such "
                "information and decided that panel discussions would be held during its "
                "meetings, with the participation of experts from the countries that had "
                "provided written responses on the priority topics under consideration.",
                "Agenda item 2 will be discussed at joint meetings of the Working Group and "
                "the Implementation Review Group, together with items 4 and 5 of the agenda "
                "of the eleventh session of the Implementation Review Group.",
            ],
            "zh-hans": [
                "缔约国会议在题为“预防措施”的第 3/2 号决议中强调实施《反腐败公约》第五至十四条"
                "以预防和打击腐败的重要性。在该决议中，缔约国会议还决定设立一个不限成员名额的"
                "临时政府间工作组，为缔约国会议履行其有关预防腐败的任务授权提供咨询和协助，并"
                "决定该工作组将履行以下职能：",
                "(a) 协助缔约国会议发展和积累预防腐败方面的知识；",
                # The seed has no "；" at the end of (b); kept as printed.
                "(b) 便利各国交流有关预防措施和做法的信息和经验",
                "(c) 便利收集、传播和促进预防腐败方面的最佳做法；",
                "(d) 协助缔约国会议鼓励社会所有利益相关方和部门为预防腐败相互合作。",
                "缔约国会议在第 8/8 号决议中欢迎工作组为促进缔约国之间交流信息所作的持续努力，"
                "并强调工作组 2018 年 9 月 5 日至 7 日和 2019 年 9 月 4 日至 6 日在维也纳举行的"
                "会议的结论和建议的重要性。",
                "缔约国会议在上述决议中请缔约国继续分享信息，并请秘书处在可获得预算外资源的前提"
                "下，继续作为国际观察站开展工作，包括更新该工作组的专题网站，增补相关信息。",
                "联合国反腐败公约缔约国会议在题为“继续审议《联合国反腐败公约》实施情况”的第 "
                "6/1 号决议中请秘书处为缔约国会议设立的附属机构制定临时议程，以避免重复讨论，"
                "同时尊重其任务授权。",
                "缔约国会议在第 8/7 号决议中决定将加强反腐败机构效力问题列入工作组议程。根据该"
                "决议，第十一次会议的讨论议题为“反腐败机构的效力（《联合国反腐败公约》第六"
                "条）”。",
                "工作组在 2011 年 8 月 22 日至 24 日于维也纳举行的第二次会议上建议，今后应在其"
                "每次会议之前，邀请缔约国交流在实施所审议条款方面的经验，最好是利用自评清单开展"
                "交流，包括在可能的情况下交流成功事例、挑战、技术援助需求和实施过程中汲取的经验"
                "教训。工作组请秘书处编写一份背景文件汇总此类信息，并决定在会议期间举行专题小组"
                "讨论，此类讨论应有就所审议的优先议题提供书面答复的国家的专家参加。",
                "议程项目 2 将与实施情况审议组第十一届会议议程项目 4 和 5 一起，在工作组和实施"
                "情况审议组联席会议上讨论。",
            ],
        },
        "children": [
            {
                "key": "good-practices-anti-corruption-bodies",
                "title": {
                    "en": "Good practices and initiatives in the prevention of corruption: "
                    "enhancing the effectiveness of anti-corruption bodies (article 6 of the "
                    "United Nations Convention against Corruption)",
                    "zh-hans": "预防腐败方面的良好做法和举措：加强反腐败机构的效力（《联合国"
                    "反腐败公约》第六条）",
                },
                "annotation": {
                    "en": [
                        "Consideration of the topic of enhancing the effectiveness of "
                        "anti-corruption bodies will begin with a panel discussion, which "
                        "will include the presentation of a background paper on the topic "
                        "prepared by the Secretariat on the basis of information provided by "
                        "States parties, upon invitation, in advance of the meeting.",
                    ],
                    "zh-hans": [
                        "审议加强反腐败机构的效力这一专题时，将首先进行一次专题小组讨论，其中"
                        "包括介绍秘书处依据缔约国应邀在会前提供的材料编写的有关该专题的背景"
                        "文件。",
                    ],
                },
                "documentation": [{"symbol": "CAC/COSP/WG.4/2020/4"}],
            },
            {
                "key": "other-recommendations",
                "title": {"en": "Other recommendations", "zh-hans": "其他建议"},
                "annotation": {
                    "en": [
                        "In its decision 7/1, the Conference recalled its resolution 6/1 and "
                        "requested the Secretariat to structure the provisional agendas of the "
                        "Implementation Review Group and of the other subsidiary bodies "
                        "established by the Conference so as to avoid duplicating discussions "
                        "while respecting their mandates.",
                    ],
                    "zh-hans": [
                        "缔约国会议在第 7/1 号决定中回顾其第 6/1 号决议，并请秘书处编排实施"
                        "情况审议组和缔约国会议设立的其他附属机构的临时议程，以避免重复讨论，"
                        "同时尊重其任务授权。",
                    ],
                },
                "documentation": [{"symbol": "CAC/COSP/WG.4/2020/3"}],
            },
        ],
    },
    {
        "key": "future-priorities",
        "title": {"en": "Future priorities", "zh-hans": "今后的优先事项"},
        "annotation": {
            "en": [
                "The Working Group will discuss its future priorities in advising and "
                "assisting the Conference in the implementation of its mandate on the "
                "prevention of corruption. The discussion will take into account the "
                "previous deliberations of the Working Group and the ongoing review of the "
                "implementation of chapter II of the Convention in the second cycle of the "
                "Mechanism for the Review of Implementation of the United Nations Convention "
                "against Corruption. Consideration will be given to the importance of "
                "putting in place legislative and institutional frameworks that meet the "
                "requirements of that chapter, and to how such implementation can be "
                "reviewed effectively.",
            ],
            "zh-hans": [
                "将讨论工作组今后为缔约国会议执行预防腐败任务提供建议和协助的优先事项。讨论将"
                "参考工作组以前的讨论情况，并参考正在联合国反腐败公约实施情况审议机制第二周期对"
                "《公约》第二章实施情况进行的审议。将考虑实行符合该章要求的立法框架和体制框架的"
                "重要性，以及如何对这类实施工作进行有效审议。",
            ],
        },
        "documentation": [{"symbol": "CAC/COSP/WG.4/2020/2"}],
    },
    {
        "key": "adoption-of-the-report",
        "title": {"en": "Adoption of the report", "zh-hans": "通过报告"},
        "annotation": {
            "en": [
                "The Working Group will adopt a report on its meeting, the draft of which "
                "will be prepared by the Secretariat.",
            ],
            "zh-hans": ["工作组将通过会议报告，报告草稿将由秘书处编写。"],
        },
    },
]

# The annex "Proposed organization of work". Slots are in the session's opening room
# unless they name another; "(continued)" is derived when an item spans slots.
ORGANIZATION_OF_WORK = [
    {
        "date": datetime.date(2020, 8, 31),
        "start": datetime.time(11, 0),
        "end": datetime.time(13, 0),
        "items": ["opening-of-the-meeting", "adoption-of-the-agenda"],
    },
    {
        "date": datetime.date(2020, 8, 31),
        "start": datetime.time(15, 0),
        "end": datetime.time(17, 0),
        "items": [
            "implementation-of-conference-resolutions",
            "good-practices-anti-corruption-bodies",
        ],
        "joint_meeting": "wg4-irg-2020",
    },
    {
        "date": datetime.date(2020, 9, 1),
        "start": datetime.time(11, 0),
        "end": datetime.time(13, 0),
        "items": ["implementation-of-conference-resolutions"],
        "joint_meeting": "wg4-irg-2020",
    },
    {
        # The seed's footnote "a" marks only the rows of item 2 itself, so this afternoon,
        # on 2(b), is not shown as joint.
        "date": datetime.date(2020, 9, 1),
        "start": datetime.time(15, 0),
        "end": datetime.time(17, 0),
        "items": ["other-recommendations"],
    },
    {
        "date": datetime.date(2020, 9, 2),
        "start": datetime.time(11, 0),
        "end": datetime.time(13, 0),
        "items": ["future-priorities", "adoption-of-the-report"],
    },
]

AGENDAS = [
    {
        "symbol": AGENDA_SYMBOL,
        "session": (WORKING_GROUP, 11),
        "kind": "annotated",
        "distribution": "general",
        "issued_on": datetime.date(2020, 7, 24),
        "original_language": "en",
        "editions": [
            # The Chinese edition was reissued for technical reasons (the "*" footnote).
            {
                "language": "zh-hans",
                "job_number": "V.20-04026 (C)",
                "reissued_on": datetime.date(2020, 8, 27),
            },
        ],
        "items": ITEMS,
        "organization_of_work": ORGANIZATION_OF_WORK,
    },
]

JOINT_MEETINGS = [
    {
        "key": "wg4-irg-2020",
        "participants": [
            {
                "session": (WORKING_GROUP, 11),
                "agenda": AGENDA_SYMBOL,
                "items": ["implementation-of-conference-resolutions"],
            },
            {"session": (REVIEW_GROUP, 11), "item_numbers": "4, 5"},
        ],
    },
]

DESCRIPTION = {
    "bodies": BODIES,
    "venues": VENUES,
    "sessions": SESSIONS,
    "resolutions": RESOLUTIONS,
    "documents": DOCUMENTS,
    "agendas": AGENDAS,
    "joint_meetings": JOINT_MEETINGS,
}
