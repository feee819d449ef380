import { addComment, finishReview, removeEntry, setSuggestion, setVote } from '@shared/review/reviewWork';
import type { reviewContract } from '@shared/review/reviewContract';
import type { Api } from '@main/api';
import type { Desktop } from '@main/core/desktop';
import { ReviewService } from './reviews';
import type { ReviewSession } from './reviewSession';
import type { RegisterSession } from '@main/session/session';

export type ReviewApi = Pick<Api, keyof typeof reviewContract>;

/** The offline-review methods of the contract (spread into createApi). */
export function createReviewApi(session: RegisterSession, review: ReviewSession, desktop: Desktop): ReviewApi {
  const reviews = new ReviewService(session, review, desktop);
  return {
    getReviewMode: () => review.view(),
    openReviewPackage: async () => {
      const file = await desktop.pickReviewPackage('open');
      return file ? review.open(file) : null;
    },
    closeReviewPackage: async () => {
      await review.close();
      return session.status();
    },
    addReviewComment: ({ itemId, field, text }) => review.change((pkg, stamp) => addComment(pkg, itemId, field, text, stamp)),
    setReviewSuggestion: ({ itemId, field, value, note }) => review.change((pkg, stamp) => setSuggestion(pkg, itemId, field, value, note, stamp)),
    setReviewVote: ({ itemId, vote, reason }) => review.change((pkg, stamp) => setVote(pkg, itemId, vote, reason, stamp)),
    removeReviewEntry: ({ entryId }) => review.change((pkg, stamp) => removeEntry(pkg, entryId, stamp.at)),
    finishReview: () => review.change((pkg, stamp) => finishReview(pkg, stamp.at)),
    exportReviewNote: ({ packageId }) => reviews.exportNote(packageId),
    listReviewPackages: () => reviews.list(),
    createReviewPackage: (request) => reviews.create(request),
    previewReviewImport: () => reviews.previewImport(),
    applyReviewImport: ({ previewId, decisions, confirmUnrecorded }) => reviews.applyImport(previewId, decisions, confirmUnrecorded === true),
    undoReviewImport: ({ importId }) => reviews.undoImport(importId),
    getItemReviews: ({ kind, id }) => reviews.item(kind, id),
    replyReviewComment: ({ commentId, text }) => reviews.reply(commentId, text),
    resolveReviewComment: ({ commentId, resolved }) => reviews.resolve(commentId, resolved),
  };
}
