// A client of the service written against the TypeScript client that openapi-generator (typescript-fetch) makes
// from the service's OpenAPI document. tools/openapi-check.sh generates that client into ./client beside this file
// and compiles both with tsc --strict: if the document stops describing what this code relies on (an operation's
// name, a page's items and nextCursor, which fields are required or may be null, a merge patch with only some
// fields), this no longer compiles. It is never run by the check; it is what a frontend would write.
import {
    Article,
    ArticlesApi,
    Comment,
    CommentsApi,
    Configuration,
    CreatedComment,
    ResponseError,
} from "./client";

/** What a reader's page shows: the article, with every comment of its first thread level. */
export interface ArticleWithComments {
    article: Article;
    comments: Comment[];
}

export function clients(basePath: string, editorToken?: string): { articles: ArticlesApi; comments: CommentsApi } {
    const configuration = new Configuration({
        basePath,
        // Sent as "Authorization: Bearer ..." to operations that declare the bearer scheme, optional ones included.
        accessToken: editorToken === undefined ? undefined : async () => editorToken,
    });
    return { articles: new ArticlesApi(configuration), comments: new CommentsApi(configuration) };
}

/** Reads an article by slug or id; the fields that may be null are typed so. */
export async function readArticle(articles: ArticlesApi, ref: string): Promise<Article> {
    const article = await articles.getArticle({ ref });
    const headline: string = article.headline;
    const subheadline: string | null = article.subheadline;
    const publishedAt: Date | null = article.publishedAt;
    const blocks: string[] = article.paragraphs.map((paragraph) => `${paragraph.position}: ${paragraph.text}`);
    console.log(headline, subheadline ?? "", publishedAt?.toISOString() ?? "unpublished", blocks.length);
    return article;
}

/** Every comment on the article, page after page, following nextCursor until it is null. */
export async function allComments(comments: CommentsApi, ref: string): Promise<Comment[]> {
    const all: Comment[] = [];
    let cursor: string | undefined = undefined;
    do {
        const page = await comments.listComments({ ref, cursor, limit: 50 });
        for (const comment of page.items) {
            const editedAt: Date | null = comment.editedAt;
            const author: string = comment.authorName ?? "(deleted)";
            console.log(comment.id, author, editedAt === null ? "" : "edited");
            all.push(comment);
        }
        const next: string | null = page.nextCursor;
        cursor = next ?? undefined;
    } while (cursor !== undefined);
    return all;
}

/** Posts a comment (README: Try it with curl); the answer carries the comment's token, once. */
export async function postComment(comments: CommentsApi, ref: string): Promise<CreatedComment> {
    const created = await comments.postComment({
        ref,
        commentRequest: { authorName: "Reader in Busan", body: "Plain text,\nnewlines kept." },
        idempotencyKey: "5f0c4b8e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
    });
    const token: string = created.token;
    const parentId: number | null = created.parentId;
    console.log(created.id, created.status, parentId, token.length);
    return created;
}

/**
 * The README's merge patch: read the article's ETag, then send only the fields that change, with If-Match. A stale
 * ETag is a 412 problem.
 */
export async function publishInWorld(articles: ArticlesApi, ref: string): Promise<Article> {
    const read = await articles.getArticleRaw({ ref });
    const etag = read.raw.headers.get("ETag");
    if (etag === null) {
        throw new Error("the article came without an ETag");
    }
    try {
        return await articles.patchArticle({
            ref,
            ifMatch: etag,
            articlePatch: { status: "published", section: "world", tags: ["china", "north-korea"] },
        });
    } catch (error) {
        if (error instanceof ResponseError && error.response.status === 412) {
            throw new Error("someone else changed the article first: read it again");
        }
        throw error;
    }
}

export async function main(basePath: string, editorToken: string): Promise<ArticleWithComments> {
    const { articles, comments } = clients(basePath, editorToken);
    const ref = "night-ferry-returns-to-the-harbour-after-eleven-years";
    const article = await readArticle(articles, ref);
    await postComment(comments, ref);
    const thread = await allComments(comments, ref);
    await publishInWorld(articles, String(article.id));
    return { article, comments: thread };
}
