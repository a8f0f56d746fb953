/**
 * The hand-written word lists of the person-name extractor, all lowercase, and the shapes of name
 * words (regular expressions). They complete the lexicons built from package data
 * (`lexicon.ts`); each says what its words mean to a name.
 */

/** Titles and honorifics written, capitalised, before a name and not part of it (`President Putin` → `Putin`). */
// biome-ignore format: packed word list
export const TITLES: ReadonlySet<string> = new Set([
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
// biome-ignore format: packed word list
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
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
// biome-ignore format: packed word list
export const SAYING_VERBS: ReadonlySet<string> = new Set([
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
// biome-ignore format: packed word list
export const ORG_WORDS: ReadonlySet<string> = new Set([
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
// biome-ignore format: packed word list
export const AMBIGUOUS_HEAD_WORDS: ReadonlySet<string> = new Set([
  'hall', 'park', 'lane', 'field', 'house', 'hill', 'hills', 'law', 'bridge', 'bank', 'banks', 'tower', 'mount',
  'forest', 'wood', 'woods', 'green', 'post', 'mail', 'grove', 'brook', 'ford', 'castle', 'church', 'street',
  'heights', 'gardens', 'garden', 'lake', 'island', 'bay', 'sea', 'point', 'beach', 'springs', 'falls', 'cross',
  'gate', 'market', 'standard', 'star', 'sun', 'mirror', 'observer', 'guardian', 'independent', 'times', 'west',
  'east', 'north', 'south', 'western', 'eastern', 'northern', 'southern', 'central', 'security', 'peace', 'war',
]);

/** Particles inside a name, written lowercase (`Ludwig van Beethoven`, `Osama bin Laden`, `Aravinda de Silva`). */
// biome-ignore format: packed word list
export const PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'di', 'del', 'della', 'dello', 'dos', 'das', 'do', 'du', 'van', 'von', 'der', 'den', 'ter', 'ten',
  'le', 'la', 'bin', 'ibn', 'bint', 'al', 'el', 'y', 'zu', 'abu', 'ben', 'mac', 'wa',
]);

/** Lowercase prefixes joined to a capitalised name (`al-Assad`, `el-Sisi`, `d'Alema`). */
export const NAME_PREFIX = /^(?:al|el|ad|as|ash|at|az|an|ar|bin|ibn|abu|d|de|da|di|van|von|ben)['’-]\p{Lu}/u;

/** Surname shapes that are rarely anything else (`McCague`, `MacLeod`, `O'Brien`, `FitzGerald`). */
export const CELTIC_SURNAME = /^(?:Mc\p{Lu}|Mac\p{Lu}|O['’]\p{Lu}|Fitz\p{Lu})/u;

/** Dotted acronyms that are places or organisations, not initials (`U.S.`, `U.N.`). */
// biome-ignore format: packed word list
export const DOTTED_NON_INITIALS: ReadonlySet<string> = new Set([
  'u.s.', 'u.s.a.', 'u.k.', 'u.n.', 'e.u.', 'u.a.e.', 'd.c.', 'n.y.', 'l.a.', 'a.m.', 'p.m.', 'b.c.', 'a.d.',
  'u.s.s.r.', 'p.r.', 's.a.', 'n.v.', 'n.j.', 'h.k.',
]);

/** Words that end with a period as abbreviations (`Mr.`, `St.`, `Jr.`), compared lowercase without it. */
// biome-ignore format: packed word list
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'capt',
  'cmdr', 'adm', 'maj', 'cpl', 'gov', 'sen', 'rep', 'rev', 'hon', 'fr', 'msgr', 'mme', 'mlle', 'inc', 'corp', 'ltd',
  'co', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'bros',
]);

/** Generational suffixes (`Jr.`, `Sr`): they end a name and, as in CoNLL-2003, stay out of its span. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr']);

/** Regnal numbers (`Henry VIII`, `Charles VI`), part of the name. */
export const REGNAL_NUMBER = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/u;

/**
 * Roles that companies and teams fill as often as people (`operator Unicom`, `carrier Vinson`):
 * not evidence of a person.
 */
// biome-ignore format: packed word list
export const NON_PERSONAL_ROLES: ReadonlySet<string> = new Set([
  'operator', 'maker', 'producer', 'dealer', 'broker', 'builder', 'developer', 'manufacturer', 'supplier',
  'distributor', 'retailer', 'lender', 'insurer', 'provider', 'employer', 'client', 'customer', 'buyer', 'seller',
  'bidder', 'carrier', 'exporter', 'importer', 'publisher', 'sponsor', 'shareholder', 'creator', 'designer',
  'host', 'hosts', 'guest', 'population', 'native', 'human', 'person', 'character',
]);

/** Prepositions before a place (`at Grace Road`, `in Washington`). */
// biome-ignore format: packed word list
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'at', 'near', 'outside', 'inside', 'from', 'to', 'into', 'across', 'towards', 'toward', 'via', 'around',
  'through', 'throughout', 'across', 'between',
]);

/** Words joining the items of a list of names. */
export const LIST_JOINERS: ReadonlySet<string> = new Set([',', ';', 'and', 'or', '&']);

/** Endings common in surnames across Europe and beyond (`Ivanisevic`, `Kafelnikov`, `Popescu`). */
export const SURNAME_ENDING =
  /(?:ov|ova|ev|eva|ski|ska|sky|skaya|enko|vic|vich|wicz|escu|opoulos|poulos|akis|idis|ides|oglu|ssen|sson|stein|berg|mann|ini|elli|etti|otti|ucci|ez|iak|czak|czyk|uk|yuk|shvili|dze|yan|ian|ayev|iyev|ovsky|nko)$/u;

/** Function words, never part of a name even when capitalised (`In`, `He`); `The` opens runs that are then vetoed (`The Oval`). */
// biome-ignore format: packed word list
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'of', 'and', 'or', 'but', 'nor', 'the', 'a', 'an', 'this',
  'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my',
  'your', 'after', 'before', 'during', 'since', 'until', 'while', 'when', 'where', 'if', 'as', 'than', 'then',
  'there', 'here', 'what', 'who', 'which', 'why', 'how', 'not', 'no', 'yes', 'also', 'all', 'some', 'any', 'each',
  'every', 'both', 'either', 'neither', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had',
]);

/** Words that Title Case leaves in lowercase. */
// biome-ignore format: packed word list
export const TITLE_CASE_MINOR_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs',
  'per', 'via', 'into', 'over', 'up',
]);

/** First words of place names (`San Bernardino`, `Santa Barbara`, `Fort Worth`, `Lake Victoria`). */
// biome-ignore format: packed word list
export const PLACE_PREFIXES: ReadonlySet<string> = new Set([
  'san', 'santa', 'santo', 'são', 'sao', 'saint', 'st', 'ste', 'fort', 'port', 'mount', 'mt', 'lake', 'cape', 'point',
  'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'little', 'great',
]);

/** Determiners: before a single capitalised word they make it a common noun (`the Briton`). */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/** Nouns that a leader's surname qualifies (`the Assad regime`, `the Clinton administration`). */
// biome-ignore format: packed word list
export const LEADER_NOUNS: ReadonlySet<string> = new Set([
  'administration', 'regime', 'government', 'campaign', 'presidency', 'premiership', 'era', 'camp',
  'aides', 'doctrine', 'family', 'clan', 'loyalists', 'supporters',
]);

/** Lowercase nouns after a name that make it part of a place's name (`Charles de Gaulle airport`). */
// biome-ignore format: packed word list
export const PLACE_HEAD_NOUNS: ReadonlySet<string> = new Set([
  'airport', 'stadium', 'street', 'avenue', 'road', 'square', 'bridge', 'station', 'hospital', 'park', 'palace',
  'building', 'tower', 'arena', 'museum', 'airbase', 'river', 'lake', 'island', 'mountain', 'valley', 'prison',
  'camp', 'university', 'college', 'school', 'district', 'province', 'region', 'county', 'city', 'town', 'village',
  'hotel', 'centre', 'center', 'hall', 'church', 'mosque', 'cathedral', 'temple', 'highway', 'canal', 'dam',
  'port', 'harbour', 'harbor', 'base', 'company', 'bank', 'index', 'party',
]);

/** Nationalities, peoples, faiths and regional adjectives, added to compromise's `Demonym` words. */
// biome-ignore format: packed word list
export const EXTRA_DEMONYMS: readonly string[] = [
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

/** Countries, regions, cities, rivers and seas (one word or space-joined), added to compromise's places. */
// biome-ignore format: packed word list
export const EXTRA_PLACES: readonly string[] = [
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
