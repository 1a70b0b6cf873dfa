-- Loads N published articles (default 100,000) of 35 paragraphs each, with varied sections, tags and dates, into
-- a database the service has migrated (start it once against the database first: Flyway creates the schema).
--   psql "$DATABASE_URL" -v articles=100000 -f bench/generate.sql
-- Rows are written with plain INSERT ... SELECT; the density check of paragraph positions is paused during the
-- load (positions are dense by construction) and the search documents are computed in one pass at the end.
\set ON_ERROR_STOP on
\if :{?articles}
\else
  \set articles 100000
\endif
\timing on

BEGIN;
ALTER TABLE paragraph DISABLE TRIGGER paragraph_positions_dense;

CREATE TEMP TABLE words AS
SELECT ARRAY['harbour','ferry','council','election','delegation','minister','treaty','budget','storm','rainfall',
             'library','robot','school','hospital','railway','bridge','market','festival','museum','stadium',
             'Pyongyang','Busan','Tehran','Oslo','Lisbon','Nairobi','Lima','Hanoi','Quebec','Perth',
             'talks','visit','protest','report','agreement','record','season','strike','vote','study',
             'the','a','of','to','in','on','with','after','before','during','and','but','while','said','says'] AS w;

INSERT INTO article (slug, headline, subheadline, dateline, section, tags, status, published_at, created_at,
                     updated_at, comments_open, paragraph_count)
SELECT 'bench-' || g,
       initcap(w[1 + (g * 7) % 40]) || ' ' || w[1 + (g * 13) % 40] || ' ' || w[1 + (g * 31) % 40] || ' in '
           || w[21 + g % 10] || ' ' || g,
       'The ' || w[1 + (g * 17) % 40] || ' and the ' || w[1 + (g * 19) % 40],
       upper(w[21 + g % 10]),
       (ARRAY['world','politics','business','science','culture','sport','weather','local','health','travel'])[1 + g % 10],
       ARRAY['tag-' || (g % 50), 'tag-' || ((g * 7) % 50 + 50)],
       'published',
       timestamptz '2023-01-01' + (g * interval '15 minutes'),
       timestamptz '2023-01-01' + (g * interval '15 minutes'),
       timestamptz '2023-01-01' + (g * interval '15 minutes'),
       true, 35
FROM generate_series(1, :articles) AS g, words;

INSERT INTO paragraph (article_id, position, type, text)
SELECT a.id, p,
       CASE WHEN p = 35 THEN 'pullquote' WHEN p % 10 = 0 THEN 'heading' ELSE 'paragraph' END,
       (SELECT string_agg(w[1 + ((a.id * 31 + p * 17 + i * 7) % array_length(w, 1))], ' ')
          FROM generate_series(1, 12 + (a.id + p) % 24) AS i) || '.'
FROM article a, generate_series(1, 35) AS p, words
WHERE a.slug LIKE 'bench-%';

ALTER TABLE paragraph ENABLE TRIGGER paragraph_positions_dense;

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
