-- Loads N published articles (default 100,000) of 35 paragraphs each, with varied sections, tags and dates, into
-- a database the service has migrated (start it once against the database first: Flyway creates the schema).
--   psql "$DATABASE_URL" -v articles=100000 -f bench/generate.sql
-- Rows are written with plain INSERT ... SELECT; the density check of paragraph positions and the per-article
-- search document trigger are paused during the load (positions are dense by construction) and the search documents
-- are computed in one pass at the end.
\set ON_ERROR_STOP on
\if :{?articles}
\else
  \set articles 100000
\endif
\timing on

BEGIN;
ALTER TABLE paragraph DISABLE TRIGGER paragraph_positions_dense;
ALTER TABLE article DISABLE TRIGGER article_search_document_current;

-- Words like a news corpus: stop words and fillers make most of the text; each article has five topic words of its
-- own (from 40 real ones and 4,000 made-up ones), which make most of its content, so that a search term matches
-- roughly one article in a hundred, as a name or a subject does in real news.
-- topic(k) for k in 0..4039: 40 real words, then made-up ones (computed, not looked up in a large array: a big
-- array would be de-toasted at every access).
CREATE FUNCTION pg_temp.topic(k bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN k % 4040 < 40
        THEN (ARRAY['harbour','ferry','council','election','delegation','minister','treaty','budget','storm','rainfall',
                    'library','robot','school','hospital','railway','bridge','market','festival','museum','stadium',
                    'Pyongyang','Busan','Tehran','Oslo','Lisbon','Nairobi','Lima','Hanoi','Quebec','Perth',
                    'talks','visit','protest','report','agreement','record','season','strike','vote','study'])[1 + k % 4040]
        ELSE 'topic' || (k % 4040) END
$$;
-- The article's own five topics.
CREATE FUNCTION pg_temp.own_topic(n bigint, which int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT pg_temp.topic(n * (ARRAY[7919, 104729, 1299709, 15485863, 32452843]::bigint[])[which])
$$;

INSERT INTO article (slug, headline, subheadline, dateline, section, tags, status, published_at, created_at,
                     updated_at, comments_open, paragraph_count)
SELECT 'bench-' || g,
       initcap(pg_temp.own_topic(g, 1)) || ' ' || pg_temp.own_topic(g, 2) || ' in ' || pg_temp.own_topic(g, 3) || ' ' || g,
       'The ' || pg_temp.own_topic(g, 4) || ' and the ' || pg_temp.own_topic(g, 5),
       upper(pg_temp.topic(20 + g % 10)),
       (ARRAY['world','politics','business','science','culture','sport','weather','local','health','travel'])[1 + g % 10],
       ARRAY['tag-' || (g % 50), 'tag-' || ((g * 7) % 50 + 50)],
       'published',
       timestamptz '2023-01-01' + (g * interval '15 minutes'),
       timestamptz '2023-01-01' + (g * interval '15 minutes'),
       timestamptz '2023-01-01' + (g * interval '15 minutes'),
       true, 35
FROM generate_series(1, :articles) AS g;

INSERT INTO paragraph (article_id, position, type, text)
SELECT a.id, p,
       CASE WHEN p = 35 THEN 'pullquote' WHEN p % 10 = 0 THEN 'heading' ELSE 'paragraph' END,
       (SELECT string_agg(CASE
                  WHEN r < 0.6 THEN (ARRAY['the','a','of','to','in','on','with','after','before','during','and','but',
                                           'while','for','from','at','said','says','also','new','would','could','more',
                                           'than','this','that','which','they','their','its'])[1 + floor(r / 0.6 * 30)::int]
                  WHEN r < 0.95 THEN pg_temp.own_topic(a.n, 1 + floor((r - 0.6) / 0.35 * 5)::int)
                  ELSE pg_temp.topic(floor(random() * 4040)::bigint)
              END, ' ')
          FROM (SELECT random() AS r FROM generate_series(1, 12 + (a.n + p) % 24)) AS tokens) || '.'
FROM (SELECT id, substring(slug from 7)::bigint AS n FROM article WHERE slug LIKE 'bench-%') AS a,
     generate_series(1, 35) AS p;

ALTER TABLE paragraph ENABLE TRIGGER paragraph_positions_dense;
ALTER TABLE article ENABLE TRIGGER article_search_document_current;

UPDATE article a
   SET search_document = setweight(to_tsvector('english', a.headline), 'A')
                      || setweight(to_tsvector('english', coalesce(a.subheadline, '')), 'B')
                      || setweight(to_tsvector('english', b.body), 'C')
  FROM (SELECT article_id, string_agg(text, ' ' ORDER BY position) AS body FROM paragraph GROUP BY article_id) b
 WHERE b.article_id = a.id AND a.slug LIKE 'bench-%';
COMMIT;

ANALYZE article;
ANALYZE paragraph;
SELECT count(*) AS articles FROM article;
SELECT count(*) AS paragraphs FROM paragraph;
