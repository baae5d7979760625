package org.poltwt.registration;

/** The three ways a participant may take part; all of them tweet with the event hashtag. */
public enum ParticipationModel {
  /** Tweet every call for service during the 24 hours. */
  CALLS_FOR_SERVICE,
  /** Tweet about one topic to educate the public. */
  ONE_TOPIC,
  /** Officers tweet their beat as they work it. */
  TWEET_THE_BEAT
}
