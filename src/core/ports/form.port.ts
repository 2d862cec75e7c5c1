import type { StoredForm } from "../../domain/form.js";

export interface FormRepository {
  get(userId: bigint): Promise<StoredForm | null>;
  save(userId: bigint, state: StoredForm): Promise<void>;
  clear(userId: bigint): Promise<void>;
}
