package org.newsroom.content.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/**
 * RSS 2.0 and Atom 1.0 written by ROME, which escapes every text it puts into the XML. The HTML inside (the full
 * text, and RSS descriptions, which readers take as HTML) is escaped before, by {@link FeedItem}.
 */
final class XmlFeeds {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private XmlFeeds() {
    }

    /**
     * RSS 2.0: the full text goes into {@code content:encoded}, the author into {@code dc:creator} (RSS's own
     * {@code author} element is meant for an e-mail address, which a byline is not).
     */
    static String rss(String title, String description, FeedLinks links, Instant lastModified,
            List<FeedItem> items) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(title);
        channel.setLink(links.home());
        channel.setDescription(description);
        if (lastModified != null) {
            channel.setLastBuildDate(Date.from(lastModified));
            channel.setPubDate(Date.from(items.get(0).published()));
        }
        Element self = new Element("link", ATOM);
        self.setAttribute("href", links.self());
        self.setAttribute("rel", "self");
        self.setAttribute("type", FeedKind.RSS.mediaType.substring(0, FeedKind.RSS.mediaType.indexOf(';')));
        channel.setForeignMarkup(new ArrayList<>(List.of(self)));
        List<Item> rssItems = new ArrayList<>();
        for (FeedItem item : items) {
            Item rssItem = new Item();
            rssItem.setTitle(item.title());
            rssItem.setLink(item.url());
            Guid guid = new Guid();
            guid.setPermaLink(true);
            guid.setValue(item.url());
            rssItem.setGuid(guid);
            rssItem.setPubDate(Date.from(item.published()));
            if (item.summary() != null) {
                Description summary = new Description();
                summary.setType("text/html");
                summary.setValue(FeedItem.escape(item.summary()));
                rssItem.setDescription(summary);
            }
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(item.html());
            rssItem.setContent(content);
            List<Category> categories = new ArrayList<>();
            for (String name : item.categories()) {
                Category category = new Category();
                category.setValue(name);
                categories.add(category);
            }
            rssItem.setCategories(categories);
            if (item.author() != null) {
                DCModuleImpl dublinCore = new DCModuleImpl();
                dublinCore.setCreator(item.author());
                rssItem.setModules(new ArrayList<Module>(List.of(dublinCore)));
            }
            rssItems.add(rssItem);
        }
        channel.setItems(rssItems);
        return write(channel);
    }

    /** Atom 1.0: the summary as text, the full text as {@code <content type="html">}. */
    static String atom(String title, String description, FeedLinks links, Instant lastModified,
            List<FeedItem> items) {
        Feed feed = new Feed("atom_1.0");
        feed.setTitle(title);
        feed.setId(links.self());
        com.rometools.rome.feed.atom.Content subtitle = new com.rometools.rome.feed.atom.Content();
        subtitle.setType(com.rometools.rome.feed.atom.Content.TEXT);
        subtitle.setValue(description);
        feed.setSubtitle(subtitle);
        // Atom requires an updated date; an empty feed has none of its own, so it says when it was asked for.
        feed.setUpdated(Date.from(lastModified != null ? lastModified : Instant.now()));
        feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", links.home(), null))));
        feed.setOtherLinks(new ArrayList<>(List.of(link("self", links.self(), "application/atom+xml"))));
        // Atom requires an author on the feed or on each entry: entries without a byline are the publication's.
        feed.setAuthors(new ArrayList<>(List.of(person(title))));
        List<Entry> entries = new ArrayList<>();
        for (FeedItem item : items) {
            Entry entry = new Entry();
            entry.setId(item.url());
            entry.setTitle(item.title());
            entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", item.url(), null))));
            entry.setPublished(Date.from(item.published()));
            entry.setUpdated(Date.from(item.updated()));
            if (item.author() != null) {
                entry.setAuthors(new ArrayList<>(List.of(person(item.author()))));
            }
            List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
            for (String name : item.categories()) {
                com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
                category.setTerm(name);
                categories.add(category);
            }
            entry.setCategories(categories);
            if (item.summary() != null) {
                com.rometools.rome.feed.atom.Content summary = new com.rometools.rome.feed.atom.Content();
                summary.setType(com.rometools.rome.feed.atom.Content.TEXT);
                summary.setValue(item.summary());
                entry.setSummary(summary);
            }
            com.rometools.rome.feed.atom.Content content = new com.rometools.rome.feed.atom.Content();
            content.setType(com.rometools.rome.feed.atom.Content.HTML);
            content.setValue(item.html());
            entry.setContents(new ArrayList<>(List.of(content)));
            entries.add(entry);
        }
        feed.setEntries(entries);
        return write(feed);
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    private static String write(WireFeed feed) {
        feed.setEncoding("UTF-8");
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            // Only a feed this class built wrongly fails here: a bug, answered as a 500 by the problem mapper.
            throw new IllegalStateException("could not write the " + feed.getFeedType() + " feed", e);
        }
    }
}
