import { refuse, type ApplyContext, type ApplyOutcome } from '../context';
import type { ArgsOf } from '../mutations';

export function createKbArticle(args: ArgsOf<'createKbArticle'>, ctx: ApplyContext): ApplyOutcome {
  if (ctx.actor.role === 'vendor_liaison') return refuse('forbidden', 'vendor liaisons cannot write knowledge articles');
  if (ctx.kbArticle(args.articleId)) return refuse('conflict', 'an article with this id exists', 'articleId');
  if (!ctx.policy.categories.some((c) => c.id === args.category)) {
    return refuse('invalid', `"${args.category}" is not a category in the policy`, 'category');
  }
  const article = {
    id: args.articleId,
    title: args.title,
    body: args.body,
    category: args.category,
    tags: args.tags,
    sourceTicketId: args.sourceTicketId,
    createdBy: ctx.actor.id,
    createdAt: ctx.nowMs,
    updatedAt: ctx.nowMs,
    version: 1,
  };
  return {
    ok: true,
    ticket: null,
    events: [],
    kbArticles: [article],
    notifications: [],
    audit: { action: 'kb.created', entityType: 'kb', entityId: article.id, before: null, after: article, reason: null },
  };
}
