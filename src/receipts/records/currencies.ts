/** ISO 4217 codes the runtime knows (ICU's list, no table of our own to keep up to date). */
export const CURRENCY_CODES: readonly string[] = Intl.supportedValuesOf('currency');

/** Decimal places of a currency's minor unit: 2 for EUR, 0 for JPY, 3 for BHD. */
export function minorUnits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}
