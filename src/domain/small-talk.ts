// Messages that are not requests for deals: a greeting, thanks, or a call for
// help. Searching for "hello" lists nothing useful; the user is better served by
// a friendly answer that says what they can do. Only a message that says
// nothing else counts: "hi, any hotpot?" is a request.
export type SmallTalk = "greeting" | "thanks" | "help";

const PHRASES: Record<SmallTalk, string[]> = {
  greeting: [
    "hi", "hii", "hello", "hey", "hiya", "yo", "howdy", "hi there", "hello there", "hey there", "good morning",
    "good afternoon", "good evening", "morning", "你好", "您好", "嗨", "哈喽", "哈啰", "喂", "早", "早上好", "下午好",
    "晚上好", "在吗", "在不在", "大家好", "你好啊",
  ],
  thanks: ["thanks", "thank you", "thx", "ty", "cheers", "thanks a lot", "thank you very much", "谢谢", "多谢", "谢了", "感谢", "谢谢你"],
  help: [
    "help", "help me", "help please", "please help", "?", "what can you do", "what do you do", "how does this work",
    "how do i use this", "how to use", "menu", "帮助", "帮忙", "求助", "怎么用", "如何使用", "你能做什么", "你会什么", "菜单",
  ],
};

const KIND_OF = new Map<string, SmallTalk>(
  (Object.entries(PHRASES) as [SmallTalk, string[]][]).flatMap(([kind, phrases]) => phrases.map((p) => [p, kind] as const)),
);

/** What kind of small talk the message is, or undefined when it may be a request. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const plain = text
    .normalize("NFKC")
    .toLowerCase()
    // Punctuation and emoji around the words say nothing more ("Hi!", "你好～", "hello 👋").
    .replace(/[^\p{L}\p{N}\s?]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return KIND_OF.get(plain) ?? KIND_OF.get(plain.replace(/\s*\?+$/, "")) ?? (/^\?+$/.test(plain) ? "help" : undefined);
}
