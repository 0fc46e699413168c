import { Inject, Injectable } from '@nestjs/common';
import type { CannedReply } from '@aftersales/contracts/consultation';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { asc, eq } from 'drizzle-orm';
import { cannedReplies } from './schema.js';

function toCannedReply(row: typeof cannedReplies.$inferSelect): CannedReply {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    version: row.version,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The canned replies as their read model holds them (see `cannedRepliesProjection`). */
@Injectable()
export class CannedReplyRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async list(): Promise<CannedReply[]> {
    const rows = await this.connection.db
      .select()
      .from(cannedReplies)
      .orderBy(asc(cannedReplies.title), asc(cannedReplies.id));
    return rows.map(toCannedReply);
  }

  async find(id: string): Promise<CannedReply | undefined> {
    const [row] = await this.connection.db.select().from(cannedReplies).where(eq(cannedReplies.id, id));
    return row && toCannedReply(row);
  }
}
