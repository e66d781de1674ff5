import type { MessageThread } from '@leadbridge/sdk';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, MessageSquare } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { lb } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { invalidateArea, queries } from '../../api/queries';
import { useCanWrite } from '../../app/session';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { ReadOnlyNotice } from '../../ui/ReadOnlyNotice';
import { Alert, EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { NewThreadDialog } from './NewThreadDialog';
import './messages.css';

function ThreadList({
  activeId,
  unreadOnly,
}: {
  activeId: string | undefined;
  unreadOnly: boolean;
}) {
  const threads = useInfiniteQuery({ ...queries.threadPages(unreadOnly), refetchInterval: 30_000 });
  if (threads.isPending) return <LoadingState label="Loading conversations…" />;
  if (threads.isError)
    return <ErrorState error={threads.error} onRetry={() => threads.refetch()} />;
  const list = threads.data.pages.flatMap((p) => p.data);
  if (list.length === 0) {
    return (
      <EmptyState
        icon={<MessageSquare size={22} />}
        title={unreadOnly ? 'All caught up' : 'No conversations yet'}
      >
        {unreadOnly
          ? 'No unread messages.'
          : 'Partners can write to you from their portal; you can start a conversation too.'}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="thread-list">
        {list.map((thread) => (
          <li key={thread.id}>
            <Link
              to={`/messages/${thread.id}`}
              className="thread-item"
              aria-current={thread.id === activeId ? 'page' : undefined}
              data-unread={thread.unreadCount > 0 || undefined}
            >
              <span className="row-between">
                <strong>{thread.partner.name}</strong>
                <time className="subtle" dateTime={thread.lastMessageAt}>
                  {formatRelative(thread.lastMessageAt)}
                </time>
              </span>
              <span className="thread-subject">{thread.subject}</span>
              {thread.lastMessage && (
                <span className="subtle thread-excerpt">{thread.lastMessage.excerpt}</span>
              )}
              {thread.unreadCount > 0 && (
                <span className="badge badge-accent">{thread.unreadCount} unread</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      {threads.hasNextPage && (
        <Button
          size="sm"
          onClick={() => threads.fetchNextPage()}
          loading={threads.isFetchingNextPage}
        >
          Load more
        </Button>
      )}
    </>
  );
}

function ThreadView({ threadId }: { threadId: string }) {
  const client = useQueryClient();
  const canWrite = useCanWrite();
  const [body, setBody] = useState('');
  const thread = useQuery(queries.thread(threadId));
  const messages = useQuery(queries.threadMessages(threadId));
  const markRead = useMutation({
    mutationFn: () => lb.messages.markRead(threadId),
    onSuccess: () =>
      void client
        .invalidateQueries({ queryKey: queries.threadPages.all })
        .then(() => client.invalidateQueries({ queryKey: queries.unreadTotal.all })),
  });
  const unread = thread.data?.unreadCount ?? 0;
  // Opening a thread with unread messages marks it read (members may do this too).
  // biome-ignore lint/correctness/useExhaustiveDependencies: mark once per thread and unread change.
  useEffect(() => {
    if (unread > 0) markRead.mutate();
  }, [threadId, unread]);
  const send = useMutation({
    mutationFn: () => lb.messages.send(threadId, { body }),
    onSuccess: () => {
      setBody('');
      invalidateArea(client, 'messages');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) send.mutate();
  };
  if (thread.isPending) return <LoadingState label="Loading conversation…" />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => thread.refetch()} />;
  const t: MessageThread = thread.data;
  return (
    <section className="thread" aria-labelledby="thread-title">
      <header className="thread-header">
        <h2 id="thread-title">{t.subject}</h2>
        <p className="subtle">
          With <Link to={`/partners/${t.partner.id}`}>{t.partner.name}</Link>
          {t.lead && (
            <>
              {' '}
              · about <Link to={`/leads/${t.lead.id}`}>{t.lead.name}</Link>
            </>
          )}
        </p>
      </header>
      <ol className="messages" aria-live="polite">
        {messages.isPending && <LoadingState />}
        {messages.data &&
          [...messages.data].reverse().map((m) => (
            <li key={m.id} className={`message message-${m.side}`}>
              <div className="message-meta subtle">
                <strong>
                  {m.author.name ?? (m.side === 'partner' ? t.partner.name : 'Your team')}
                </strong>{' '}
                ·{' '}
                <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
                  {formatRelative(m.createdAt)}
                </time>
              </div>
              <div className="message-body">{m.body}</div>
            </li>
          ))}
      </ol>
      {canWrite ? (
        <form className="reply" onSubmit={submit}>
          {send.isError && <Alert kind="error">{errorMessage(send.error)}</Alert>}
          <label htmlFor="reply" className="visually-hidden">
            Reply
          </label>
          <textarea
            id="reply"
            className="textarea"
            placeholder={`Reply to ${t.partner.name}…`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
            }}
          />
          <div className="row-between">
            <span className="subtle">
              <kbd>Ctrl</kbd> + <kbd>Enter</kbd> to send
            </span>
            <Button
              type="submit"
              variant="primary"
              loading={send.isPending}
              disabled={!body.trim()}
            >
              Send reply
            </Button>
          </div>
        </form>
      ) : (
        <ReadOnlyNotice what="reply to partners" />
      )}
    </section>
  );
}

export function MessagesPage() {
  useTitle('Messages');
  const { threadId } = useParams();
  const canWrite = useCanWrite();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [composing, setComposing] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="Messages"
        description="Conversations with your partners."
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setComposing(true)}>
              New conversation
            </Button>
          )
        }
      />
      <div className="messages-layout" data-has-thread={threadId ? true : undefined}>
        <aside className="card threads-pane" aria-label="Conversations">
          <div className="threads-toolbar">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={unreadOnly}
                onChange={(e) => setUnreadOnly(e.target.checked)}
              />
              Unread only
            </label>
          </div>
          <ThreadList activeId={threadId} unreadOnly={unreadOnly} />
        </aside>
        <div className="card thread-pane">
          {threadId ? (
            <>
              <Link className="back-to-threads" to="/messages">
                <ArrowLeft size={14} aria-hidden="true" /> All conversations
              </Link>
              <ThreadView key={threadId} threadId={threadId} />
            </>
          ) : (
            <EmptyState icon={<MessageSquare size={22} />} title="Pick a conversation">
              Choose a conversation on the left to read and reply.
            </EmptyState>
          )}
        </div>
      </div>
      {composing && <NewThreadDialog open onClose={() => setComposing(false)} />}
    </div>
  );
}
