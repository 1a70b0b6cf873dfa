-- Full-text search (issue 5): a stored document per article, headline weighted highest (A), then the
-- sub-headline (B) and the body (C), kept by the service after every write (the body lives in another table, so a
-- generated column cannot hold it), under a GIN index. The text search configuration is a setting
-- (content.search.language), passed to this function.
ALTER TABLE article ADD COLUMN search_document tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX article_search_idx ON article USING gin (search_document);

CREATE FUNCTION article_search_document(config regconfig, article_id bigint) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector(config, a.headline), 'A')
        || setweight(to_tsvector(config, coalesce(a.subheadline, '')), 'B')
        || setweight(to_tsvector(config, coalesce(
               (SELECT string_agg(p.text, ' ' ORDER BY p.position) FROM paragraph p WHERE p.article_id = a.id), '')), 'C')
      FROM article a WHERE a.id = article_id
$$;

-- Sections and tags with their counts read published articles only.
CREATE INDEX article_published_section_idx ON article (section) WHERE status = 'published';
