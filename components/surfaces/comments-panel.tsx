"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CountedTextarea } from "@/components/ui/counted-field";
import { useAddComment, useComments, useResolveComment } from "@/lib/surfaces/queries";
import type { TComment } from "@/lib/surfaces/schemas";
import { cn } from "@/lib/ui/cn";

function Body({ text }: { text: string }) {
  const parts = text.split(/(@[a-z0-9][a-z0-9._-]*[a-z0-9])/gi);
  return (
    <p className="text-sm whitespace-pre-wrap">
      {parts.map((part, index) =>
        part.startsWith("@") ? (
          <span key={index} className="rounded bg-accent/10 px-0.5 font-medium text-accent">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}

function CommentForm({
  surfaceId,
  elementId,
  parentId,
  label,
  onDone,
}: {
  surfaceId: string;
  elementId: string | null;
  parentId?: string;
  label: string;
  onDone?: () => void;
}) {
  const [body, setBody] = useState("");
  const add = useAddComment(surfaceId);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(
      { body, elementId, parentId: parentId ?? null },
      {
        onSuccess: () => {
          setBody("");
          onDone?.();
        },
        onError: (error) => toast.error(error.message),
      },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <CountedTextarea
        aria-label={label}
        placeholder="Ask a question or answer one; mention someone with @name.surname"
        value={body}
        max={10_000}
        onChange={(event) => setBody(event.target.value)}
        className="min-h-16"
      />
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={add.isPending || !body.trim()}>
          {parentId ? "Reply" : "Comment"}
        </Button>
      </div>
    </form>
  );
}

function Thread({ root, replies, surfaceId, canComment }: { root: TComment; replies: TComment[]; surfaceId: string; canComment: boolean }) {
  const resolve = useResolveComment(surfaceId);
  const [replying, setReplying] = useState(false);
  const resolved = Boolean(root.resolvedAt);
  return (
    <li className={cn("rounded-md border border-border p-3", resolved && "opacity-70")} data-testid="comment-thread">
      <div className="flex flex-col gap-2">
        {[root, ...replies].map((comment) => (
          <div key={comment.id} className={comment.parentId ? "ml-4 border-l border-border pl-3" : undefined}>
            <p className="text-xs text-muted">
              <span className="font-medium text-fg">{comment.author.name}</span> · {new Date(comment.createdAt).toLocaleString()}
            </p>
            <Body text={comment.body} />
          </div>
        ))}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        {resolved && <span className="text-success">Resolved by {root.resolvedBy?.name}</span>}
        {canComment && (
          <>
            <Button
              variant="ghost"
              size="sm"
              onClick={() =>
                resolve.mutate({ commentId: root.id, resolved: !resolved }, { onError: (error) => toast.error(error.message) })
              }
            >
              {resolved ? "Reopen" : "Resolve"}
            </Button>
            {!resolved && (
              <Button variant="ghost" size="sm" aria-expanded={replying} onClick={() => setReplying(!replying)}>
                Reply
              </Button>
            )}
          </>
        )}
      </div>
      {replying && (
        <div className="mt-2">
          <CommentForm
            surfaceId={surfaceId}
            elementId={root.elementId}
            parentId={root.id}
            label={`Reply to ${root.author.name}`}
            onDone={() => setReplying(false)}
          />
        </div>
      )}
    </li>
  );
}

/** The open questions on a surface, or on one of its elements (`elementId`). */
export function CommentsPanel({
  surfaceId,
  elementId,
  canComment,
  title,
}: {
  surfaceId: string;
  elementId: string | null;
  canComment: boolean;
  title: string;
}) {
  const comments = useComments(surfaceId);
  const mine = (comments.data ?? []).filter((comment) => comment.elementId === elementId);
  const roots = mine.filter((comment) => !comment.parentId);
  const open = roots.filter((comment) => !comment.resolvedAt);
  return (
    <section aria-label={title} className="flex flex-col gap-3">
      {comments.isError && (
        <p role="alert" className="text-sm text-danger">
          Comments could not be loaded: {comments.error.message}
        </p>
      )}
      {comments.isPending ? (
        <p className="text-sm text-muted">Loading comments…</p>
      ) : roots.length === 0 ? (
        <p className="text-sm text-muted">No questions yet.</p>
      ) : (
        <>
          <p className="text-xs text-muted">
            {open.length} open · {roots.length - open.length} resolved
          </p>
          <ul className="flex flex-col gap-2">
            {roots.map((root) => (
              <Thread
                key={root.id}
                root={root}
                replies={mine.filter((comment) => comment.parentId === root.id)}
                surfaceId={surfaceId}
                canComment={canComment}
              />
            ))}
          </ul>
        </>
      )}
      {canComment && <CommentForm surfaceId={surfaceId} elementId={elementId} label={`New comment: ${title}`} />}
    </section>
  );
}
