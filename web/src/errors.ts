// A refusal in the user's language: the domain's codes share the bot's texts.
import { ApiError } from "./api.js";
import { has, t } from "./i18n.js";

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t("app-error-generic");
  if (error.code === "network") return t("app-error-network");
  if (error.code === "unauthorized") return t("app-error-unauthorized");
  if (error.code === "bad-request") return t("app-error-bad-request", { field: error.field ?? "" });
  if (error.code === "not-found") return t("app-error-not-found");
  const id = `error-${error.code}`;
  return has(id) ? t(id, error.params) : t("app-error-generic");
}
