const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The page's visible text and labels, without what may stay Chinese on an English page: content marked «中文»
 * (`data-content-lang="zh"`, the mark itself) and the language switch's own «中文». What is left must be English.
 */
export const chineseLeftOn = (root: HTMLElement): string[] => {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-content-lang="zh"], [data-testid="chinese-mark"], [data-testid="language-switch-zh"]').forEach((el) => el.remove());
  const texts = [copy.textContent ?? ''];
  copy.querySelectorAll('*').forEach((el) => {
    for (const attr of ['aria-label', 'placeholder', 'alt', 'title']) {
      const value = el.getAttribute(attr);
      if (value) texts.push(value);
    }
  });
  return texts.flatMap((text) => text.split(/\s+/)).filter((word) => HAN.test(word));
};
