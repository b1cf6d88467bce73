"""Text for the benchmark's data: agenda titles and annotations in the six languages.

Titles combine a topic and an aspect, translated phrase by phrase, so that an item
reads as a translation of itself in every language; annotations are three sentences
drawn from the kind of wording annotated agendas use. ``COMMON`` words occur in a large
share of the items, ``RARE`` ones in a handful (``RARE_EVERY``): the benchmark searches
for both.
"""

import random

LANGS = ("en", "fr", "es", "ru", "ar", "zh_hans")

# (en, fr, es, ru, ar, zh)
TOPICS = [
    (
        "Prevention of corruption",
        "Prévention de la corruption",
        "Prevención de la corrupción",
        "Предупреждение коррупции",
        "منع الفساد",
        "预防腐败",
    ),
    (
        "Implementation of the Convention",
        "Application de la Convention",
        "Aplicación de la Convención",
        "Осуществление Конвенции",
        "تنفيذ الاتفاقية",
        "公约的实施",
    ),
    (
        "Asset recovery",
        "Recouvrement d’avoirs",
        "Recuperación de activos",
        "Возвращение активов",
        "استرداد الموجودات",
        "追回资产",
    ),
    (
        "International cooperation",
        "Coopération internationale",
        "Cooperación internacional",
        "Международное сотрудничество",
        "التعاون الدولي",
        "国际合作",
    ),
    (
        "Technical assistance",
        "Assistance technique",
        "Asistencia técnica",
        "Техническая помощь",
        "المساعدة التقنية",
        "技术援助",
    ),
    (
        "Financial and budgetary matters",
        "Questions financières et budgétaires",
        "Cuestiones financieras y presupuestarias",
        "Финансовые и бюджетные вопросы",
        "المسائل المالية والمتعلقة بالميزانية",
        "财务和预算事项",
    ),
    (
        "Climate change and sustainable development",
        "Changements climatiques et développement durable",
        "Cambio climático y desarrollo sostenible",
        "Изменение климата и устойчивое развитие",
        "تغير المناخ والتنمية المستدامة",
        "气候变化与可持续发展",
    ),
    (
        "Protection of human rights",
        "Protection des droits de l’homme",
        "Protección de los derechos humanos",
        "Защита прав человека",
        "حماية حقوق الإنسان",
        "保护人权",
    ),
    (
        "Gender equality and the empowerment of women",
        "Égalité des sexes et autonomisation des femmes",
        "Igualdad de género y empoderamiento de las mujeres",
        "Гендерное равенство и расширение прав и возможностей женщин",
        "المساواة بين الجنسين وتمكين المرأة",
        "性别平等和增强妇女权能",
    ),
    (
        "Transnational organized crime",
        "Criminalité transnationale organisée",
        "Delincuencia organizada transnacional",
        "Транснациональная организованная преступность",
        "الجريمة المنظمة عبر الوطنية",
        "跨国有组织犯罪",
    ),
    (
        "Illicit financial flows",
        "Flux financiers illicites",
        "Corrientes financieras ilícitas",
        "Незаконные финансовые потоки",
        "التدفقات المالية غير المشروعة",
        "非法资金流动",
    ),
    (
        "Drug control",
        "Contrôle des drogues",
        "Fiscalización de drogas",
        "Контроль над наркотиками",
        "مراقبة المخدرات",
        "药物管制",
    ),
    (
        "Public health and pandemic preparedness",
        "Santé publique et préparation aux pandémies",
        "Salud pública y preparación para pandemias",
        "Общественное здравоохранение и готовность к пандемиям",
        "الصحة العامة والتأهب للجوائح",
        "公共卫生和大流行病防范",
    ),
    (
        "Oceans and the law of the sea",
        "Les océans et le droit de la mer",
        "Los océanos y el derecho del mar",
        "Мировой океан и морское право",
        "المحيطات وقانون البحار",
        "海洋和海洋法",
    ),
    (
        "Peacekeeping operations",
        "Opérations de maintien de la paix",
        "Operaciones de mantenimiento de la paz",
        "Операции по поддержанию мира",
        "عمليات حفظ السلام",
        "维持和平行动",
    ),
    (
        "Disarmament and non-proliferation",
        "Désarmement et non-prolifération",
        "Desarme y no proliferación",
        "Разоружение и нераспространение",
        "نزع السلاح وعدم الانتشار",
        "裁军与不扩散",
    ),
    (
        "Refugees and displaced persons",
        "Réfugiés et personnes déplacées",
        "Refugiados y personas desplazadas",
        "Беженцы и перемещенные лица",
        "اللاجئون والمشردون",
        "难民和流离失所者",
    ),
    (
        "Food security and nutrition",
        "Sécurité alimentaire et nutrition",
        "Seguridad alimentaria y nutrición",
        "Продовольственная безопасность и питание",
        "الأمن الغذائي والتغذية",
        "粮食安全和营养",
    ),
    (
        "Education and capacity-building",
        "Éducation et renforcement des capacités",
        "Educación y creación de capacidad",
        "Образование и укрепление потенциала",
        "التعليم وبناء القدرات",
        "教育和能力建设",
    ),
    (
        "Statistics and data",
        "Statistiques et données",
        "Estadísticas y datos",
        "Статистика и данные",
        "الإحصاءات والبيانات",
        "统计和数据",
    ),
    (
        "Cybercrime",
        "Cybercriminalité",
        "Delito cibernético",
        "Киберпреступность",
        "الجريمة السيبرانية",
        "网络犯罪",
    ),
    (
        "Trafficking in persons",
        "Traite des personnes",
        "Trata de personas",
        "Торговля людьми",
        "الاتجار بالأشخاص",
        "贩运人口",
    ),
    (
        "Rule of law",
        "État de droit",
        "Estado de derecho",
        "Верховенство права",
        "سيادة القانون",
        "法治",
    ),
    (
        "Water and sanitation",
        "Eau et assainissement",
        "Agua y saneamiento",
        "Водоснабжение и санитария",
        "المياه والصرف الصحي",
        "水和环境卫生",
    ),
    (
        "Disaster risk reduction",
        "Réduction des risques de catastrophe",
        "Reducción del riesgo de desastres",
        "Снижение риска бедствий",
        "الحد من مخاطر الكوارث",
        "减少灾害风险",
    ),
]

# (en, fr, es, ru, ar, zh): "<topic>: <aspect>"
ASPECTS = [
    (
        "review of implementation",
        "examen de l’application",
        "examen de la aplicación",
        "обзор хода осуществления",
        "استعراض التنفيذ",
        "审议执行情况",
    ),
    (
        "report of the Secretary-General",
        "rapport du Secrétaire général",
        "informe del Secretario General",
        "доклад Генерального секретаря",
        "تقرير الأمين العام",
        "秘书长的报告",
    ),
    (
        "good practices",
        "bonnes pratiques",
        "buenas prácticas",
        "передовая практика",
        "الممارسات الجيدة",
        "良好做法",
    ),
    (
        "progress made",
        "progrès accomplis",
        "progresos realizados",
        "достигнутый прогресс",
        "التقدم المحرز",
        "取得的进展",
    ),
    (
        "thematic discussion",
        "débat thématique",
        "debate temático",
        "тематическое обсуждение",
        "المناقشة المواضيعية",
        "专题讨论",
    ),
    (
        "follow-up to previous resolutions",
        "suite donnée aux résolutions antérieures",
        "seguimiento de resoluciones anteriores",
        "последующая деятельность по предыдущим резолюциям",
        "متابعة القرارات السابقة",
        "先前决议的后续行动",
    ),
    (
        "challenges and lessons learned",
        "difficultés et enseignements tirés",
        "dificultades y lecciones aprendidas",
        "проблемы и извлеченные уроки",
        "التحديات والدروس المستفادة",
        "挑战和经验教训",
    ),
    (
        "future work",
        "travaux futurs",
        "labor futura",
        "будущая работа",
        "العمل في المستقبل",
        "今后的工作",
    ),
]

# Sentences of annotations; {topic} is the item's topic (lower-cased where the
# language writes it so).
SENTENCES = {
    "en": [
        "The Working Group will have before it a note by the Secretariat on {topic}.",
        "Delegations are invited to share their experience of the implementation of measures on {topic}.",
        "The report summarizes information provided by States parties on {topic} since the previous session.",
        "The Secretariat will present an oral update on technical assistance activities.",
        "States may wish to identify priorities for the implementation of the recommendations.",
        "The discussion will be guided by the questions annexed to the present document.",
        "In its resolution, the Conference requested the Secretariat to continue gathering information.",
        "Experts from capitals are encouraged to participate in the panel discussion.",
    ],
    "fr": [
        "Le Groupe de travail sera saisi d’une note du Secrétariat sur {topic}.",
        "Les délégations sont invitées à faire part de leur expérience de l’application des mesures relatives à {topic}.",
        "Le rapport résume les informations communiquées par les États parties sur {topic} depuis la session précédente.",
        "Le Secrétariat présentera oralement les activités d’assistance technique.",
        "Les États souhaiteront peut-être définir des priorités pour l’application des recommandations.",
        "Le débat sera guidé par les questions figurant en annexe au présent document.",
        "Dans sa résolution, la Conférence a prié le Secrétariat de continuer à recueillir des informations.",
        "Les experts des capitales sont encouragés à participer à la table ronde.",
    ],
    "es": [
        "El Grupo de Trabajo tendrá ante sí una nota de la Secretaría sobre {topic}.",
        "Se invita a las delegaciones a compartir su experiencia en la aplicación de medidas sobre {topic}.",
        "El informe resume la información proporcionada por los Estados partes sobre {topic} desde el período de sesiones anterior.",
        "La Secretaría presentará oralmente información actualizada sobre las actividades de asistencia técnica.",
        "Los Estados tal vez deseen determinar prioridades para la aplicación de las recomendaciones.",
        "El debate se guiará por las preguntas que figuran en el anexo del presente documento.",
        "En su resolución, la Conferencia solicitó a la Secretaría que siguiera reuniendo información.",
        "Se alienta a los expertos de las capitales a que participen en la mesa redonda.",
    ],
    "ru": [
        "Рабочей группе будет представлена записка Секретариата по теме «{topic}».",
        "Делегациям предлагается поделиться опытом осуществления мер в области «{topic}».",
        "В докладе обобщается информация, представленная государствами-участниками по теме «{topic}» после предыдущей сессии.",
        "Секретариат представит устную информацию о мероприятиях по оказанию технической помощи.",
        "Государства, возможно, пожелают определить приоритеты в осуществлении рекомендаций.",
        "Обсуждение будет проводиться на основе вопросов, приведенных в приложении к настоящему документу.",
        "В своей резолюции Конференция просила Секретариат продолжать сбор информации.",
        "Экспертам из столиц предлагается принять участие в дискуссионном форуме.",
    ],
    "ar": [
        "سيكون معروضا على الفريق العامل مذكرة من الأمانة عن {topic}.",
        "الوفود مدعوة إلى تبادل خبراتها في تنفيذ التدابير المتعلقة بـ{topic}.",
        "يلخص التقرير المعلومات التي قدمتها الدول الأطراف عن {topic} منذ الدورة السابقة.",
        "ستقدم الأمانة معلومات شفوية محدثة عن أنشطة المساعدة التقنية.",
        "لعل الدول تود أن تحدد أولويات تنفيذ التوصيات.",
        "ستسترشد المناقشة بالأسئلة الواردة في مرفق هذه الوثيقة.",
        "طلب المؤتمر إلى الأمانة، في قراره، أن تواصل جمع المعلومات.",
        "يشجع الخبراء القادمون من العواصم على المشاركة في حلقة النقاش.",
    ],
    "zh_hans": [
        "工作组将收到秘书处关于{topic}的说明。",
        "请各代表团介绍执行与{topic}有关的措施的经验。",
        "报告概述了缔约国自上届会议以来就{topic}提供的资料。",
        "秘书处将口头介绍技术援助活动的最新情况。",
        "各国不妨确定执行各项建议的优先事项。",
        "讨论将以本文件附件所列问题为指导。",
        "大会在其决议中请秘书处继续收集资料。",
        "鼓励各国首都的专家参加小组讨论。",
    ],
}

# A common word in every item's wording, and a rare one in one item in RARE_EVERY.
COMMON = {"en": "implementation", "zh_hans": "执行"}
RARE = {
    "en": "ombudsperson",
    "fr": "médiateur",
    "es": "defensoría",
    "ru": "омбудсмен",
    "ar": "أمين المظالم",
    "zh_hans": "监察员",
}
RARE_SENTENCE = {
    "en": "The {rare} of the Secretariat will brief the Working Group.",
    "fr": "Le {rare} du Secrétariat fera un exposé devant le Groupe de travail.",
    "es": "La {rare} de la Secretaría informará al Grupo de Trabajo.",
    "ru": "Перед Рабочей группой выступит {rare} Секретариата.",
    "ar": "سيقدم {rare} في الأمانة إحاطة إلى الفريق العامل.",
    "zh_hans": "秘书处{rare}将向工作组作情况介绍。",
}
RARE_EVERY = 20000


def lower_topic(lang, topic):
    # Topics begin sentences as titles; inside a sentence they are lower case where the
    # language capitalizes only the first word.
    if lang in ("en", "fr", "es", "ru") and not topic.startswith(("Convention",)):
        return topic[:1].lower() + topic[1:]
    return topic


def title(rng):
    topic, aspect = rng.randrange(len(TOPICS)), rng.randrange(len(ASPECTS))
    colon = {"zh_hans": "："}
    return {
        lang: f"{TOPICS[topic][i]}{colon.get(lang, ': ')}{ASPECTS[aspect][i]}"
        for i, lang in enumerate(LANGS)
    }, topic


def annotation(rng, topic, serial):
    """Three sentences in every language, the same ones translated; every
    RARE_EVERY-th item also names the rare word."""
    picks = rng.sample(range(8), 3)
    rare = serial % RARE_EVERY == 7
    texts = {}
    for i, lang in enumerate(LANGS):
        words = [
            SENTENCES[lang][p].format(topic=lower_topic(lang, TOPICS[topic][i])) for p in picks
        ]
        if rare:
            words.append(RARE_SENTENCE[lang].format(rare=RARE[lang]))
        texts[lang] = "<p>" + " ".join(words) + "</p>"
    return texts


def random_source(seed):
    return random.Random(seed)
