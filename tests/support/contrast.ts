/** WCAG's contrast ratio of two colours as getComputedStyle gives them (rgb()). */
export function contrastOf([fg, bg]: string[]): number {
  const luminance = (color: string) => {
    const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(fg!), luminance(bg!)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}
