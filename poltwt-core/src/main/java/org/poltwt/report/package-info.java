/**
 * The wrap-up of an edition: the figures organisers publish once it is over (tweets, originals and
 * retweets, unique accounts, languages, source apps, tweets per hour, per country, agency level and
 * participation model, compliance and theme share, co-occurring hashtags), counted in one pass over
 * the tweets in memory that does not grow with their number, mergeable exactly, and exported as
 * JSON, CSV and Markdown. No export holds an email address or a person's name.
 */
package org.poltwt.report;
