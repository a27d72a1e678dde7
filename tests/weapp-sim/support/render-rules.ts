import { DECLARED_PRIVACY, PRIVACY_COMPONENTS, SINGLE_PAGE_FORBIDDEN_COMPONENTS } from './wechat-rules';
import { elementsOf, type WxmlElement } from './wxml-renderer';

/** Privacy-relevant components on screen whose information the privacy guide does not declare. */
export const undeclaredPrivacyComponents = (root: WxmlElement, declared: readonly string[] = DECLARED_PRIVACY): string[] =>
  elementsOf(root).flatMap(({ node }) =>
    PRIVACY_COMPONENTS.filter((c) => c.tag === node.tag && c.values.includes(String(node.attr?.[c.attr] ?? '')) && !declared.includes(c.information)).map(
      (c) => `<${node.tag.slice(3)} ${c.attr}="${String(node.attr?.[c.attr])}"> collects ${c.information}, which is not declared`,
    ),
  );

/** Components on screen that Moments single-page mode disables. */
export const singlePageForbiddenComponents = (root: WxmlElement): string[] =>
  elementsOf(root).flatMap(({ node }) => {
    if (SINGLE_PAGE_FORBIDDEN_COMPONENTS.includes(node.tag)) return [`<${node.tag.slice(3)}>`];
    const openType = node.tag === 'wx-button' ? String(node.attr?.openType ?? '') : '';
    return openType ? [`<button open-type="${openType}">`] : [];
  });
