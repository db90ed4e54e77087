/** Masking of personal data in every response unless the caller may reveal it (DESIGN.md §5). */

/** 13812341234 → 138****1234 */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}

/** First 6 + last 4: 411702199001011234 → 411702********1234 */
export function maskIdCard(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 张三丰 → 张** ; keeps the family name visible, as paper registers do. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 豫Q12345 → 豫Q***45: the province and the city's letter stay visible, as on paper registers. */
export function maskPlate(plate: string): string {
  const chars = Array.from(plate);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}***${chars.slice(-2).join('')}`;
}
