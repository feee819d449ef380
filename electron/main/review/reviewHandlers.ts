import { addComment, finishReview, removeEntry, setSuggestion, setVote } from '@shared/review/reviewWork';
import type { reviewContract } from '@shared/review/reviewContract';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { ReviewService } from './reviews';

/** Offline review: review mode on a package file, and the register side (packages, merge, threads). */
export function reviewHandlers({ session, review, desktop }: HandlerContext): Handlers<typeof reviewContract> {
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
    setReviewSuggestion: ({ itemId, field, value, note }) =>
      review.change((pkg, stamp) => setSuggestion(pkg, itemId, field, value, note, stamp)),
    setReviewVote: ({ itemId, vote, reason }) => review.change((pkg, stamp) => setVote(pkg, itemId, vote, reason, stamp)),
    removeReviewEntry: ({ entryId }) => review.change((pkg, stamp) => removeEntry(pkg, entryId, stamp.at)),
    finishReview: () => review.change((pkg, stamp) => finishReview(pkg, stamp.at)),
    exportReviewNote: ({ packageId }) => reviews.exportNote(packageId),
    listReviewPackages: () => reviews.list(),
    createReviewPackage: (request) => reviews.create(request),
    previewReviewImport: () => reviews.previewImport(),
    applyReviewImport: ({ previewId, decisions, confirmUnrecorded }) =>
      reviews.applyImport(previewId, decisions, confirmUnrecorded === true),
    undoReviewImport: ({ importId }) => reviews.undoImport(importId),
    getItemReviews: ({ kind, id }) => reviews.item(kind, id),
    replyReviewComment: ({ commentId, text }) => reviews.reply(commentId, text),
    resolveReviewComment: ({ commentId, resolved }) => reviews.resolve(commentId, resolved),
  };
}
