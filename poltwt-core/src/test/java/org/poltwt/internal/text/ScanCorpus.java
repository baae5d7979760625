package org.poltwt.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded corpus of realistic tweets of the tweet-a-thon: several languages, links, emoji, tags.
 */
final class ScanCorpus {
  private static final String[] SENTENCES = {
    "Officers responded to a noise complaint downtown.",
    "Our K9 unit found a lost dog near the park!",
    "Minor collision on Main St, please avoid the area.",
    "Thanks to everyone who came to Coffee with a Cop.",
    "Welfare check done: all good (thanks, neighbours).",
    "Speeding in school zones costs lives; slow down.",
    "Patrulla en el centro: todo tranquilo por ahora.",
    "Les agents ont aidé une personne âgée à rentrer.",
    "Die Streife hat einen Unfall aufgenommen.",
    "Патруль помог водителю на трассе.",
    "الشرطة في خدمتكم",
    "\u200Fהמשטרה כאן בשבילכם",
    "警察官が地域のパトロールを行いました。",
    "今天我们在社区开展了安全宣传活动。",
    "오늘 순찰팀이 학교 앞 교통 안전 지도를 했습니다.",
    "पुलिस आपकी सेवा में है।",
    "Cafe\u0301 con policías a las 9.",
    "Call 911 in an emergency, 311 otherwise.",
    "Q&A at 3pm: ask us anything.",
    "Shift #3 starts now...",
  };
  private static final String[] EXTRAS = {
    "👮",
    "👮‍♀️",
    "🚓",
    "🚨",
    "👍🏽",
    "❤️",
    "🇺🇸",
    "👨‍👩‍👧‍👦",
    "#️⃣",
    "✅",
    "@CityPD",
    "@Officer_Jane",
    "#TimeToUnify",
    "#police",
    "#911",
    "#警察",
    "#Polizei",
    "#PolTwt2015",
    "x#PolTwt",
    "#poltwt",
    "＃PolTwt",
    "www.example.org/tips",
    "example.com",
    "news.example.co.uk/a-1",
    "https://en.wikipedia.org/wiki/Police_(film)",
    "http://bit.ly/2xYz",
    "https://example.org/event#PolTwt",
    "email us: tips@example.gov",
  };
  private static final String SLUG =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private ScanCorpus() {}

  /** {@code size} tweets from {@code seed}, each 80 to 280 chars. */
  static List<String> tweets(long seed, int size) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> out = new ArrayList<>(size);
    while (out.size() < size) {
      List<String> parts = new ArrayList<>();
      int target = 60 + r.nextInt(200);
      int length = 0;
      while (length < target) {
        String piece =
            r.nextInt(4) == 0
                ? EXTRAS[r.nextInt(EXTRAS.length)]
                : SENTENCES[r.nextInt(SENTENCES.length)];
        parts.add(piece);
        length += piece.length() + 1;
      }
      if (r.nextInt(10) < 3) {
        StringBuilder link = new StringBuilder("https://t.co/");
        for (int i = 0; i < 10; i++) {
          link.append(SLUG.charAt(r.nextInt(SLUG.length())));
        }
        parts.add(r.nextInt(parts.size() + 1), link.toString());
      }
      if (r.nextInt(10) < 8) {
        parts.add(r.nextInt(parts.size() + 1), "#PolTwt");
      }
      String text = String.join(" ", parts);
      if (text.length() >= 80 && text.length() <= 280) {
        out.add(text);
      }
    }
    return out;
  }
}
