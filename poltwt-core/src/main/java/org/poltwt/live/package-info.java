/**
 * The live board of an edition: what a page showing the event as it happens displays at an instant,
 * computed from the schedule, the verified registrations and the posts seen so far, without any
 * I/O. {@link org.poltwt.live.LiveBoard} holds what does not change during the edition; a {@link
 * org.poltwt.live.PostTally} counts the posts as they arrive; {@link org.poltwt.live.BoardState} is
 * one instant's answer. Fetching posts and pushing states to viewers is the embedding application's
 * business.
 */
package org.poltwt.live;
