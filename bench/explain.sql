-- The plans behind the benchmark's reads, at 100,000 articles (run by bench/run.sh after the load).
\pset pager off
\echo '== first page: published, newest first (keyset on published_at, id)'
EXPLAIN (ANALYZE, BUFFERS)
SELECT a.*, (SELECT p.text FROM paragraph p WHERE p.article_id = a.id AND p.position = 1)
  FROM article a WHERE a.status = 'published' AND a.published_at <= now()
 ORDER BY a.published_at DESC, a.id DESC LIMIT 21;

\echo '== page 500: the same behind a cursor'
EXPLAIN (ANALYZE, BUFFERS)
SELECT a.*, (SELECT p.text FROM paragraph p WHERE p.article_id = a.id AND p.position = 1)
  FROM article a
 WHERE a.status = 'published' AND a.published_at <= now()
   AND (a.published_at, a.id) < (timestamptz '2024-06-01', 60000)
 ORDER BY a.published_at DESC, a.id DESC LIMIT 21;

\echo '== search, best match first'
EXPLAIN (ANALYZE, BUFFERS)
SELECT a.id, ts_rank_cd(a.search_document, q) AS rank
  FROM article a, websearch_to_tsquery('english', 'harbour delegation') q
 WHERE a.search_document @@ q AND a.status = 'published' AND a.published_at <= now()
 ORDER BY rank DESC, a.id DESC LIMIT 21;

\echo '== search with a tag and a date range'
EXPLAIN (ANALYZE, BUFFERS)
SELECT a.id, ts_rank_cd(a.search_document, q) AS rank
  FROM article a, websearch_to_tsquery('english', 'ferry') q
 WHERE a.search_document @@ q AND a.status = 'published' AND a.published_at <= now()
   AND a.tags @> string_to_array('tag-7', ',')
   AND a.published_at >= timestamptz '2024-01-01' AND a.published_at < timestamptz '2025-07-01'
 ORDER BY rank DESC, a.id DESC LIMIT 21;

\echo '== one article by slug, then its paragraphs'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM article WHERE slug = 'bench-4242';
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM paragraph WHERE article_id = 4242 ORDER BY position;
