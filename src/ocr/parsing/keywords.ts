/**
 * Label vocabularies, matched against upper-cased line text. OCR commonly reads O as 0 in
 * TOTAL, so the patterns accept both. English first; the common German, French, Spanish,
 * Italian, Dutch and Malay/Indonesian labels too, because receipts are not only English.
 */

const T0TAL = 'T[O0]TA[L1I]';

/** Labels of the amount the customer pays, strongest meaning first. */
export const STRONG_TOTAL = new RegExp(
  [
    `GRAND\\s*${T0TAL}`,
    `(?:AMOUNT|BALANCE|${T0TAL})\\s*(?:DUE|PAYABLE)`,
    `AMOUNT\\s*TO\\s*PAY`,
    `ROUND(?:ED|ING)?\\s*${T0TAL}`,
    `${T0TAL}\\s*(?:\\(?\\s*ROUNDED|ROUNDING)`,
    `NETT?\\s*${T0TAL}`,
    `${T0TAL}\\s*NETT?\\b`,
    `${T0TAL}\\s*(?:AMOUNT|AMT)`,
    `${T0TAL}\\s*(?:SALES?\\s*)?\\(?\\s*INCL?(?:USIVE|UDING|\\.)?\\b`,
    `${T0TAL}\\s*(?:TO\\s*PAY|A\\s*PAGAR|A\\s*PAYER|TTC)`,
    '\\bSUMME\\b',
    '\\bGESAMT(?:BETRAG|SUMME)?\\b',
    '\\bZU\\s*ZAHLEN\\b',
    '\\bMONTANT\\b',
    '\\bNET\\s*A\\s*PAYER\\b',
    '\\bTOTALE\\b',
    '\\bTOTAAL\\b',
    '\\bJUMLAH(?:\\s*BESAR)?\\b',
  ].join('|'),
);

export const TOTAL = new RegExp(`\\b${T0TAL}\\b|${T0TAL}[:(]|\\bTOT\\b|\\bTTL\\b`);

/** "TOTAL" lines that are not the amount paid. */
export const NOT_TOTAL = new RegExp(
  [
    `SUB\\s*-?\\s*${T0TAL}`,
    `${T0TAL}\\s*(?:QTY|QUANTITY|ITEMS?|PCS|PIECES|UNITS?|ART|SAVINGS?|SAVED|DISC(?:OUNT)?|POINTS?|PTS|WEIGHT|TAX|GST|VAT|SST|EXCL?)`,
    `(?:TAX|GST|VAT|SST|DISC(?:OUNT)?|QTY|ITEMS?)\\s*${T0TAL}`,
    `${T0TAL}\\s*(?:SALES?\\s*)?\\(?\\s*EXCL?(?:USIVE|UDING|\\.)?\\b`,
    `${T0TAL}\\s*(?:BEFORE|W/?O|WITHOUT)\\b`,
    'ZWISCHENSUMME',
  ].join('|'),
);

export const SUBTOTAL = new RegExp(
  [
    `SUB\\s*-?\\s*${T0TAL}`,
    '\\bSUBTOT\\b',
    '\\bSUB\\s*TTL\\b',
    'ZWISCHENSUMME',
    'SOUS[\\s-]*TOTAL',
    `${T0TAL}\\s*(?:SALES?\\s*)?\\(?\\s*EXCL?(?:USIVE|UDING|\\.)?\\b`,
    `${T0TAL}\\s*(?:BEFORE|W/?O|WITHOUT)\\s*(?:TAX|GST|VAT)`,
    'AMOUNT\\s*(?:BEFORE|EXCL?\\.?)\\s*(?:TAX|GST|VAT)',
    '\\bNET\\s*AMOUNT\\b',
  ].join('|'),
);

export const TAX =
  /\b(?:TAX|GST|VAT|SST|HST|PST|QST|MWST|UST|IVA|TVA|BTW|PPN|PB1|MOMS)\b|MWST|STEUER/;

/** Lines that name a tax registration rather than an amount of tax. */
export const TAX_ID_LABEL =
  /(?:GST|VAT|SST|TAX|BTW|IVA|TVA)\s*(?:REG(?:ISTRATION)?\.?\s*)?(?:ID|NO|NR|NUM(?:BER)?|#|REG)\b|\bTIN\b|\bABN\b|USt\.?-?\s*Id(?:\.?\s*-?\s*Nr\.?)?|UST-?ID(?:NR)?|\bSt\.?-?Nr|\bUID\b|\bNPWP\b|\bGSTIN\b|\bSIRET\b|\bNIF\b|\bCIF\b|\bRFC\b/i;

export const TIP =
  /\bTIPS?\b|GRATUITY|TRINKGELD|POURBOIRE|PROPINA|SERVICE\s*(?:CHARGE|CHG|CHRG)|\bSVC\s*(?:CHG|CHARGE)|\bS\/?C\b\s*\d/;

export const DISCOUNT =
  /DISC(?:OUNT)?\b|DISCOUNT|RABATT|NACHLASS|REMISE|DESCUENTO|SCONTO|KORTING|POTONGAN|\bSAVINGS?\b|\bYOU\s*SAVED?\b|VOUCHER|COUPON|PROMO\b|MEMBER\s*(?:DISC|SAVING)/;

export const ROUNDING =
  /ROUND(?:ING)?\s*(?:ADJ|ADJUSTMENT|OFF|DIFF)|\bADJ(?:USTMENT)?\b|\bRND\b|PEMBULATAN|RUNDUNG/;

/** Money handed over (tendered). */
export const TENDERED =
  /\bCASH\b|TENDER(?:ED)?|\bPAID\b|PAYMENT|\bBAYAR|TUNAI|GEGEBEN|\bBAR\b|RECEIVED|ESPECES|EFECTIVO|CONTANTI|\bVISA\b|MASTER\s*CARD|\bAMEX\b|\bCARD\b|KARTE|DEBIT|CREDIT|EFTPOS|\bNETS\b/;

export const CHANGE =
  /CHANGE|KEMBALI|\bBALANCE\b(?!\s*DUE)|R[UÜ]CKGELD|WECHSELGELD|RENDU|CAMBIO|RESTO|KEMBALIAN|WISSELGELD/;

export const CARD_PAYMENT =
  /\bVISA\b|MASTER\s*CARD|MASTERCARD|\bMC\b|\bAMEX\b|AMERICAN\s*EXPRESS|\bDEBIT\b|CREDIT\s*CARD|\bCARD\b|KARTE|EC[-\s]?CARD|GIROCARD|MAESTRO|DISCOVER|\bJCB\b|UNION\s*PAY|CONTACTLESS|\bNETS\b|EFTPOS|CARTE\s*BANCAIRE|TARJETA/;

export const MOBILE_PAYMENT =
  /APPLE\s*PAY|GOOGLE\s*PAY|GRAB\s*PAY|\bBOOST\b|TOUCH\s*'?N\s*'?GO|ALIPAY|WECHAT\s*PAY|PAYPAL|VENMO|PAYNOW|GOPAY|\bOVO\b|DANA\b|SHOPEEPAY/;

export const CASH_PAYMENT = /\bCASH\b|\bBAR\b|BARGELD|TUNAI|ESPECES|EFECTIVO|CONTANTI/;

export const PHONE_LABEL =
  /\b(?:TEL(?:EPHONE)?|PHONE|PH|MOBILE|MOB|HP|FON|TELEFON|TELP|CALL|T)\b\s*(?:NO\.?|NUMBER)?\s*[:.#]?/;

export const RECEIPT_NUMBER_LABEL =
  /\b(?:RECEIPT|RCPT|RCT|INVOICE|INV|BILL|DOC(?:UMENT)?|CHECK|CHK|TRANS(?:ACTION)?|TRX|TXN|ORDER|BON|BELEG|BELEGNR|RECHNUNG|SLIP|TICKET|REF(?:ERENCE)?|FACTURE|FACTURA|NOTA|STRUK|CB)\b\s*(?:-?\s*(?:NO|NR|NUM(?:BER)?|ID|#)\b\.?|#)?\s*[:.#]?/i;

export const DATE_LABEL =
  /\bDATE\b|\bDATED\b|\bTARIKH\b|\bDATUM\b|\bFECHA\b|\bDATA\b|\bTANGGAL\b|\bTGL\b|\bDT\b/;

/** Dates that are not the purchase date. */
export const NOT_PURCHASE_DATE =
  /EXP(?:IRY|IRES|\.|\b)|VALID|BEST\s*BEFORE|USE\s*BY|\bDUE\b|WARRANTY|RETURN\s*BY|BIRTH|\bDOB\b|MEMBER\s*SINCE|PRINTED/;

/** Header lines that are boilerplate, never the merchant's name. */
export const HEADER_NOISE =
  /^(?:\W*)(?:(?:SIMPLIFIED\s*)?TAX\s*INVOICE|COMPANY\s*(?:NO|REG)|CO\.?\s*(?:NO|REG)|REG(?:ISTRATION)?\.?\s*NO|GST|INVOICE|(?:OFFICIAL\s*)?RECEIPT|CASH\s*(?:BILL|SALES?|RECEIPT)|SALES?\s*(?:RECEIPT|INVOICE)|WELCOME|THANK|COPY|DUPLICATE|REPRINT|CUSTOMER\s*COPY|MERCHANT\s*COPY|ORDER|TABLE|BILL|KASSENBON|QUITTUNG|RECHNUNG|FACTURE|TICKET|STRUK|NOTA|CHECK)\b/;

/** Legal forms: a line ending in one of these is almost surely the merchant's name. */
export const LEGAL_FORM =
  /\b(?:S[DCO0]N\.?\s*[B8][HI][DO0]|SDN|[B8]HD|S\/B|LTD|LIMITED|LLC|L\.L\.C|INC|INCORPORATED|CORP(?:ORATION)?|CO\b\.?|COMPANY|GMBH|AG|KG|OHG|PTE|PLC|PTY|SARL|SAS|S\.?A\.?R\.?L|S\.?L\.?|SPA|S\.?P\.?A|B\.?V\.?|N\.?V\.?|PT|CV|ENTERPRISES?|TRADING|HOLDINGS?|SYARIKAT|PERNIAGAAN|TRADERS?)\b/;

/** Kinds of shop: a weaker sign that a header line names the business. */
export const BUSINESS_WORD =
  /\b(?:RESTAURANT|RESTORAN|CAFE|CAFÉ|COFFEE|BAKERY|BAKERIE|MART|MINIMART|MARKET|MARKT|SUPERMARKET|HYPERMARKET|STORES?|SHOP|PHARMACY|APOTHEKE|HARDWARE|STATIONERY|BOOKS?|KEDAI|DINER|BAR|BISTRO|GRILL|KITCHEN|FOODS?|HOTEL|STATION|OUTLET|BOUTIQUE|DEPOT|CENTRE|CENTER)\b/;

/** Words found in street addresses. */
export const ADDRESS_WORD =
  /\b(?:NO\.?|LOT|JALAN|JLN|LORONG|TAMAN|TMN|BANDAR|KAMPUNG|KG|PERSIARAN|LEBUH|STREET|ST\.?|ROAD|RD\.?|AVENUE|AVE\.?|BLVD|BOULEVARD|LANE|LN\.?|DRIVE|DR\.?|WAY|HIGHWAY|HWY|PKWY|PARKWAY|PLAZA|SQUARE|SUITE|STE|FLOOR|FLR|LEVEL|BLOCK|BLK|UNIT|BUILDING|BLDG|MALL|CENTRE|CENTER|STRASSE|STRAßE|STR\.|PLATZ|WEG|GASSE|ALLEE|RUE|AVENIDA|CALLE|VIA|PIAZZA|JL\.?|KOTA|KECAMATAN)\b|\b\d{4,6}\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s*\d[A-Z]{2}\b/;

/** Lines that end the address block. */
export const ADDRESS_STOP =
  /\b(?:TEL|PHONE|FAX|EMAIL|E-MAIL|WWW|HTTP|WEBSITE|GST|VAT|SST|TAX|INVOICE|RECEIPT|CASHIER|TABLE|SERVER|DATE|TIME|BILL|ORDER|DOC|TERMINAL|POS|REG\b|COUNTER|MEMBER|CUSTOMER|SALESPERSON|ABN|TIN|USt|UID|STEUER|OPEN|HOURS)\b/;

/** A company registration number printed under the name, e.g. "(789417-W)" or "CO. REG. NO: 123". */
export const COMPANY_REG =
  /^\W*\(?\s*(?:CO(?:MPANY)?\.?\s*(?:REG(?:ISTRATION)?\.?)?\s*(?:NO\.?)?\s*[:.]?\s*)?\d[\d\s]{2,}[-\s]?\s?[A-Z]\s*\)?\W*$|^\W*(?:CO(?:MPANY)?\.?\s*REG|ROC|REG\.?\s*NO|BUSINESS\s*(?:REG|NO))\b/;
