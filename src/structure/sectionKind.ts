// Whether a section reports work done or plans work to come, from words in its heading.
import type { SectionKind } from '../model/schema.js';

/** Checked in order; the first table with a match decides. */
export const SECTION_KIND_KEYWORDS: { kind: SectionKind; words: RegExp }[] = [
  {
    kind: 'plan',
    words: /下一步|打算|思路|明年|来年|今后|展望|工作计划|工作安排|工作要点|\d{4}年(?:度)?(?:主要)?(?:工作)?计划/,
  },
  {
    kind: 'review',
    words:
      /开展情况|完成情况|进展情况|工作情况|主要工作|工作成效|主要成效|取得的?成[效绩]|工作总结|总结|主要做法|工作回顾|今年工作|基本情况|亮点/,
  },
  // 2024年工作重点 plans, but 2023年重点工作完成情况 reviews: the review words above come first.
  { kind: 'plan', words: /\d{4}年(?:度)?(?:主要)?(?:工作)?(?:目标|重点)/ },
  { kind: 'other', words: /存在的?问题|问题和不足|问题与不足|不足之处|困难和问题|意见建议/ },
];

export function keywordKind(title: string): SectionKind | null {
  for (const { kind, words } of SECTION_KIND_KEYWORDS) if (words.test(title)) return kind;
  return null;
}
