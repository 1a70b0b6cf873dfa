-- Images (issue 13 §2): a fifth block type, image, and an optional lead image on the article. The service stores
-- references, never files: src is an absolute https URL. The CHECKs hold the API's rules (docs/http-api.md, Images)
-- for any writer: alt is required and not blank unless the image is decorative (then absent), width and height are
-- positive and come both or neither, every text within the API's limit and nothing XML cannot carry. An image block
-- has an image and no text; every other block a text and no image. Adding nullable columns and a column with a
-- constant default rewrites no row; the CHECKs read every row once.

ALTER TABLE paragraph
    ADD COLUMN image_src        text,
    ADD COLUMN image_alt        text,
    ADD COLUMN image_decorative boolean NOT NULL DEFAULT false,
    ADD COLUMN image_caption    text,
    ADD COLUMN image_credit     text,
    ADD COLUMN image_width      integer,
    ADD COLUMN image_height     integer,
    ALTER COLUMN text DROP NOT NULL,
    DROP CONSTRAINT paragraph_type_known,
    ADD CONSTRAINT paragraph_type_known
        CHECK (type IN ('paragraph', 'heading', 'pullquote', 'blockquote', 'image')),
    ADD CONSTRAINT paragraph_text_or_image CHECK (CASE WHEN type = 'image'
        THEN text IS NULL AND image_src IS NOT NULL
        ELSE text IS NOT NULL AND image_src IS NULL AND image_alt IS NULL AND NOT image_decorative
             AND image_caption IS NULL AND image_credit IS NULL AND image_width IS NULL END),
    ADD CONSTRAINT paragraph_image_src_https CHECK (image_src ~ '^https://[^\s|]+$' AND char_length(image_src) <= 2000),
    ADD CONSTRAINT paragraph_image_alt CHECK (image_src IS NULL
        OR CASE WHEN image_decorative THEN image_alt IS NULL ELSE image_alt IS NOT NULL AND btrim(image_alt) <> '' END),
    ADD CONSTRAINT paragraph_image_size CHECK ((image_width IS NULL) = (image_height IS NULL)
        AND image_width BETWEEN 1 AND 100000 AND image_height BETWEEN 1 AND 100000),
    ADD CONSTRAINT paragraph_image_text_length CHECK (char_length(image_alt) <= 500
        AND char_length(image_caption) <= 1000 AND btrim(image_caption) <> ''
        AND char_length(image_credit) <= 200 AND btrim(image_credit) <> ''),
    ADD CONSTRAINT paragraph_image_text_xml CHECK (xml_can_carry(image_alt) AND xml_can_carry(image_caption)
        AND xml_can_carry(image_credit));

ALTER TABLE article
    ADD COLUMN lead_image_src        text,
    ADD COLUMN lead_image_alt        text,
    ADD COLUMN lead_image_decorative boolean NOT NULL DEFAULT false,
    ADD COLUMN lead_image_caption    text,
    ADD COLUMN lead_image_credit     text,
    ADD COLUMN lead_image_width      integer,
    ADD COLUMN lead_image_height     integer,
    ADD CONSTRAINT article_lead_image_whole CHECK (lead_image_src IS NOT NULL OR (lead_image_alt IS NULL
        AND NOT lead_image_decorative AND lead_image_caption IS NULL AND lead_image_credit IS NULL
        AND lead_image_width IS NULL)),
    ADD CONSTRAINT article_lead_image_src_https
        CHECK (lead_image_src ~ '^https://[^\s|]+$' AND char_length(lead_image_src) <= 2000),
    ADD CONSTRAINT article_lead_image_alt CHECK (lead_image_src IS NULL
        OR CASE WHEN lead_image_decorative THEN lead_image_alt IS NULL
             ELSE lead_image_alt IS NOT NULL AND btrim(lead_image_alt) <> '' END),
    ADD CONSTRAINT article_lead_image_size CHECK ((lead_image_width IS NULL) = (lead_image_height IS NULL)
        AND lead_image_width BETWEEN 1 AND 100000 AND lead_image_height BETWEEN 1 AND 100000),
    ADD CONSTRAINT article_lead_image_text_length CHECK (char_length(lead_image_alt) <= 500
        AND char_length(lead_image_caption) <= 1000 AND btrim(lead_image_caption) <> ''
        AND char_length(lead_image_credit) <= 200 AND btrim(lead_image_credit) <> ''),
    ADD CONSTRAINT article_lead_image_text_xml CHECK (xml_can_carry(lead_image_alt)
        AND xml_can_carry(lead_image_caption) AND xml_can_carry(lead_image_credit));

-- Search ignores URLs but reads what a picture says: the alt texts and captions of the image blocks, in reading order,
-- and the lead image's, at the body's weight (C). Replaces V3's function, which the trigger of V4 calls; an article
-- without images gets the document it had, so no stored document needs recomputing.
CREATE OR REPLACE FUNCTION article_search_document(config regconfig, article_id bigint) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector(config, a.headline), 'A')
        || setweight(to_tsvector(config, coalesce(a.subheadline, '')), 'B')
        || setweight(to_tsvector(config, coalesce(
               (SELECT string_agg(concat_ws(' ', p.text, p.image_alt, p.image_caption), ' ' ORDER BY p.position)
                  FROM paragraph p WHERE p.article_id = a.id), '')), 'C')
        || CASE WHEN a.lead_image_src IS NULL THEN ''::tsvector
                ELSE setweight(to_tsvector(config, concat_ws(' ', a.lead_image_alt, a.lead_image_caption)), 'C') END
      FROM article a WHERE a.id = article_id
$$;
