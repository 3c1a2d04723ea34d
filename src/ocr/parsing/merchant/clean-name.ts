/**
 * The name without edge punctuation or a trailing registration number "(519537-X)", and with
 * the Malaysian legal form spelled right when OCR misread it ("SDN 8HD", "SCN BHD", "SUN BHD", "5/B"): legal
 * forms are a closed vocabulary, so the intended word is certain.
 */
export function cleanName(text: string): string {
  return (
    text
      .replace(/[\s,;:]+$/u, '')
      // A trailing bracket with digits is a registration number, whatever OCR made of its
      // label or letters ("(Co. No:20154-T)", "(1u79J69-P)"), even when the line cut it off.
      .replace(/\s*\((?=[^()]*\d)[^()]{1,24}\)?\s*$/u, '')
      .replace(
        /\s*\(?\s*(?:CO\.?\s*REG\.?\s*(?:NO\.?)?\s*:?\s*)?\d{4,}[-\s]?[A-Z%\d]?\s*\)?\s*$/iu,
        '',
      )
      .replace(/\bS[DCOU0]N(\.?\s*)[B8][HI][DO0]\b/g, 'SDN$1BHD')
      .replace(/(?<=\s)[5S]\/[B8]\b/g, 'S/B')
      .replace(/^[^\p{L}\p{N}(]+|[^\p{L}\p{N}).]+$/gu, '')
      .replace(/\s{2,}/g, ' ')
  );
}
