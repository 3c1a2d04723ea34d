/**
 * The fixed list of receipt categories. A category is suggested by the rules below (source
 * `rule`) and can be overridden by the user (source `user`), after which rules never touch it.
 */
export const CATEGORIES = [
  'groceries',
  'dining',
  'fuel',
  'transport',
  'lodging',
  'office',
  'utilities',
  'health',
  'shopping',
  'entertainment',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

interface CategoryRule {
  category: Category;
  /** Matched against the upper-cased merchant name, whole words. */
  merchant: RegExp;
  /** Matched against each upper-cased line-item description. */
  items?: RegExp;
}

/**
 * First match wins, merchant before items. Words come from several languages because receipts
 * do; the rules are deliberately broad (a wrong suggestion costs one click, a missing one
 * leaves the receipt uncategorised).
 */
const RULES: CategoryRule[] = [
  {
    category: 'fuel',
    merchant:
      /\b(SHELL|ESSO|BP|PETRONAS|PETRON|CALTEX|TEXACO|CHEVRON|EXXON|MOBIL|TOTAL ?ENERGIES|ARAL|JET|AGIP|REPSOL|VALERO|GAS STATION|TANKSTELLE|PETROL|FUEL)\b/,
    items:
      /\b(UNLEADED|DIESEL|PETROL|GASOLINE|RON ?9[5-8]|BENZIN|SUPER E10|E10|FUEL|GALLONS?|LITRES?)\b/,
  },
  {
    category: 'groceries',
    merchant:
      /\b(SUPERMARKET|SUPERMARKT|HYPERMARKET|MART|GROCER|GROCERY|ALDI|LIDL|TESCO|SAINSBURY'?S?|ASDA|WALMART|KROGER|REWE|EDEKA|CARREFOUR|AEON|GIANT|COSTCO|WHOLE FOODS|TRADER JOE'?S?|SPAR|NETTO|PENNY|MERCADONA|WOOLWORTHS|COLES)\b/,
    items:
      /\b(MILK|BREAD|EGGS?|BANANAS?|APPLES?|VEGETABLES?|RICE|FLOUR|BUTTER|CHEESE|YOGHURT|YOGURT)\b/,
  },
  {
    category: 'dining',
    merchant:
      /\b(RESTAURANT|RESTORAN|CAFE|CAFÉ|COFFEE|BISTRO|DINER|PIZZA|PIZZERIA|BURGER|GRILL|BAR|PUB|KITCHEN|STARBUCKS|MCDONALD'?S?|KFC|SUBWAY|DOMINO'?S?|BAKERY|KOPITIAM|TRATTORIA|SUSHI|NOODLE)\b/,
    items:
      /\b(LATTE|CAPPUCCINO|ESPRESSO|AMERICANO|BURGER|PIZZA|FRIES|SANDWICH|MEAL|NASI|MEE|TEH|KOPI)\b/,
  },
  {
    category: 'transport',
    merchant:
      /\b(UBER|LYFT|GRAB|TAXI|CAB|RAILWAY|RAIL|TRAIN|METRO|TRANSIT|AIRLINES?|AIRWAYS|BUS|PARKING|TOLL|DB BAHN|SNCF|AMTRAK)\b/,
    items: /\b(FARE|TICKET|PARKING|TOLL|RIDE)\b/,
  },
  {
    category: 'lodging',
    merchant: /\b(HOTEL|MOTEL|INN|HOSTEL|RESORT|AIRBNB|LODGE|SUITES)\b/,
    items: /\b(ROOM|NIGHTS?|ACCOMMODATION|CITY TAX)\b/,
  },
  {
    category: 'office',
    merchant:
      /\b(STATIONERY|STATIONERS|OFFICE ?DEPOT|OFFICEWORKS|STAPLES|PRINT|PRINTING|BOOKSTORE|POPULAR)\b/,
    items: /\b(PAPER|PEN|PENS|TONER|INK|NOTEBOOK|FOLDER|STAPLER|ENVELOPES?|A4)\b/,
  },
  {
    category: 'utilities',
    merchant:
      /\b(ELECTRIC|ELECTRICITY|ENERGY|WATER|TELECOM|TELEKOM|MOBILE|BROADBAND|INTERNET|VODAFONE|VERIZON|AT&T|TNB|DIGI|MAXIS|CELCOM)\b/,
    items: /\b(KWH|ELECTRICITY|BROADBAND|DATA PLAN|PREPAID|RELOAD|TOP ?UP)\b/,
  },
  {
    category: 'health',
    merchant:
      /\b(PHARMACY|PHARMACIE|APOTHEKE|FARMACIA|CLINIC|KLINIK|HOSPITAL|DENTAL|DENTIST|MEDICAL|GUARDIAN|WATSONS|BOOTS|CVS|WALGREENS)\b/,
    items: /\b(TABLETS?|CAPSULES?|VITAMINS?|PRESCRIPTION|MEDICINE|PARACETAMOL|IBUPROFEN)\b/,
  },
  {
    category: 'entertainment',
    merchant: /\b(CINEMA|CINEMAS|THEATRE|THEATER|MUSEUM|CONCERT|GSC|TGV|IMAX|BOWLING)\b/,
    items: /\b(ADMISSION|MOVIE|POPCORN)\b/,
  },
  {
    category: 'shopping',
    merchant:
      /\b(HARDWARE|ELECTRONICS|ELEKTRO|DEPARTMENT STORE|BOUTIQUE|FASHION|IKEA|AMAZON|MEDIA ?MARKT|DECATHLON|TRADING|ENTERPRISE|GIFT)\b/,
  },
];

/** The suggested category of a receipt, or null when no rule applies. */
export function suggestCategory(
  merchantName: string | null,
  itemDescriptions: readonly string[],
): Category | null {
  const merchant = (merchantName ?? '').toUpperCase();
  if (merchant) {
    for (const rule of RULES) if (rule.merchant.test(merchant)) return rule.category;
  }
  const items = itemDescriptions.map((d) => d.toUpperCase());
  for (const rule of RULES) {
    if (rule.items && items.some((item) => rule.items!.test(item))) return rule.category;
  }
  return null;
}
