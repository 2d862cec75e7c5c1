/** The step a user has reached in a guided form (/register, /newdeal), kept across restarts. */
export interface StoredForm {
  form: string;
  step: string;
  data: Record<string, unknown>;
}
