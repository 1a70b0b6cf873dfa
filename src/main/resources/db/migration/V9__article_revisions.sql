-- Revisions (issue 13): one row per change to an article or its body, written in the change's transaction, with a
-- complete snapshot of the article and its blocks as they stood after it (the JSON of GET /articles/{ref}). Snapshots
-- are whole, never deltas: README "Revisions" has the measurement behind that. They go with their article.

CREATE TABLE article_revision (
    article_id  bigint      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    number      integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    author      text        NOT NULL,
    kind        text        NOT NULL,
    -- The headline of the snapshot, copied out so that the list reads no JSON.
    headline    text        NOT NULL,
    snapshot    jsonb       NOT NULL,
    PRIMARY KEY (article_id, number),
    CONSTRAINT article_revision_number_positive CHECK (number > 0),
    CONSTRAINT article_revision_kind_known CHECK (kind IN ('baseline', 'created', 'replaced', 'patched', 'published',
        'unpublished', 'block-inserted', 'block-edited', 'block-moved', 'block-removed', 'restored')),
    CONSTRAINT article_revision_snapshot_object CHECK (jsonb_typeof(snapshot) = 'object')
);

-- Articles written before revisions existed start with one: a baseline of how they stand now, so that what they were
-- before their first recorded change can be restored.
INSERT INTO article_revision (article_id, number, created_at, author, kind, headline, snapshot)
SELECT a.id, 1, a.updated_at, 'migration', 'baseline', a.headline,
       jsonb_build_object(
           'id', a.id, 'slug', a.slug, 'headline', a.headline, 'subheadline', a.subheadline,
           'dateline', a.dateline, 'byline', a.byline, 'section', a.section, 'tags', to_jsonb(a.tags),
           'status', a.status,
           'publishedAt', to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'createdAt', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'commentsOpen', a.comments_open, 'paragraphCount', a.paragraph_count,
           'paragraphs', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'position', p.position,
                                                       'type', p.type, 'text', p.text,
                                                       'attribution', p.attribution) ORDER BY p.position)
                                   FROM paragraph p WHERE p.article_id = a.id), '[]'::jsonb))
FROM article a;
