declare module "virtual:messages" {
  /** The app's subset of each locales/<locale>.ftl, embedded by web/build.ts. */
  export const messages: { en: string; zh: string };
}
