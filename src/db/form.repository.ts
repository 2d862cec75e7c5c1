import type { FormRepository } from "../core/ports/form.port.js";
import { readerOf, type Db } from "./client.js";

const GET = `SELECT "form", "step", "data" FROM "FormState" WHERE "userId" = ?`;

export function createFormRepository(db: Db): FormRepository {
  return {
    // Read on every update (an open form takes it first): on the reader (see Reader).
    async get(userId) {
      const [row] = await (await readerOf(db)).rows(GET, [userId]);
      if (!row) return null;
      const [form, step, data] = row as [string, string, string];
      return { form, step, data: JSON.parse(data) as Record<string, unknown> };
    },
    async save(userId, state) {
      const data = JSON.stringify(state.data);
      await db.formState.upsert({
        where: { userId },
        create: { userId, form: state.form, step: state.step, data },
        update: { form: state.form, step: state.step, data },
      });
    },
    async clear(userId) {
      await db.formState.deleteMany({ where: { userId } });
    },
  };
}
