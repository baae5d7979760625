package org.poltwt.examples.demo;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.registration.email.Verdict;

/**
 * A realistic, made-up edition for demos and tests: the past editions (twice a year since March
 * 2013), the next one (the first Friday at least four weeks ahead, 08:00 local time, theme
 * #TimeToUnify), and a few hundred agencies and officers registered for it in about ninety cities,
 * sixty time zones and fifty countries, with government-looking email addresses that the {@link
 * GovernmentEmailPolicy#defaults() default policy} judges as it would a real sign-up (most
 * accepted, some sent to organiser review; its verdict on each city's domain is kept in the bundled
 * table, so generating is quick). The same seed and date always give the same data.
 */
public final class DemoData {
  /** The next edition's theme. */
  public static final String THEME = "TimeToUnify";

  private static final LocalDate FIRST = LocalDate.of(2013, 3, 22);

  private final List<Edition> editions;
  private final Edition next;
  private final List<Registration> registrations;

  private DemoData(List<Edition> editions, Edition next, List<Registration> registrations) {
    this.editions = List.copyOf(editions);
    this.next = next;
    this.registrations = List.copyOf(registrations);
  }

  /**
   * Generates the demo data.
   *
   * @param seed the seed; the same seed and date give the same data
   * @param today the date the next edition is planned from
   * @return the data
   */
  public static DemoData generate(long seed, LocalDate today) {
    Random random = new Random(seed);
    List<Edition> editions = new ArrayList<>();
    int number = 1;
    for (LocalDate d = FIRST;
        d.isBefore(today.minusDays(14));
        d = d.plusMonths(6).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)), number++) {
      editions.add(
          Edition.builder()
              .number(number)
              .date(d)
              .localStart(LocalTime.of(8, 0))
              .status(EditionStatus.COMPLETED)
              .build());
    }
    LocalDate date = today.plusDays(28).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    Edition next =
        Edition.builder()
            .number(number)
            .date(date)
            .localStart(LocalTime.of(8, 0))
            .themes(THEME)
            .status(EditionStatus.SCHEDULED)
            .build();
    editions.add(next);
    return new DemoData(editions, next, new Generator(random, next.number(), today).run());
  }

  /**
   * Every edition, past and next, by number.
   *
   * @return the editions
   */
  public List<Edition> editions() {
    return editions;
  }

  /**
   * The next edition, the one the registrations are for.
   *
   * @return the edition
   */
  public Edition nextEdition() {
    return next;
  }

  /**
   * The registrations for the next edition.
   *
   * @return the registrations
   */
  public List<Registration> registrations() {
    return registrations;
  }

  /** Builds the registrations, drawing from one random source in a fixed order. */
  private static final class Generator {
    private static final Map<String, String[][]> NAMES =
        Map.ofEntries(
            Map.entry(
                "en",
                new String[][] {
                  {
                    "James", "Sarah", "Michael", "Emma", "David", "Olivia", "Daniel", "Grace",
                    "Thomas", "Amy", "Ryan", "Chloe"
                  },
                  {
                    "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright",
                    "Roberts", "Hughes", "Clarke", "Turner"
                  }
                }),
            Map.entry(
                "es",
                new String[][] {
                  {
                    "Lucía", "Javier", "María", "Carlos", "Elena", "Pablo", "Carmen", "Diego",
                    "Sofía", "Andrés"
                  },
                  {
                    "García",
                    "Martínez",
                    "López",
                    "Sánchez",
                    "Pérez",
                    "Gómez",
                    "Fernández",
                    "Ruiz",
                    "Díaz",
                    "Moreno"
                  }
                }),
            Map.entry(
                "pt",
                new String[][] {
                  {"João", "Ana", "Pedro", "Mariana", "Rafael", "Beatriz", "Tiago", "Inês"},
                  {
                    "Silva",
                    "Santos",
                    "Ferreira",
                    "Oliveira",
                    "Costa",
                    "Rodrigues",
                    "Almeida",
                    "Sousa"
                  }
                }),
            Map.entry(
                "fr",
                new String[][] {
                  {"Camille", "Julien", "Léa", "Nicolas", "Manon", "Hugo", "Chloé", "Antoine"},
                  {"Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefèvre", "Girard", "Roux"}
                }),
            Map.entry(
                "de",
                new String[][] {
                  {"Lukas", "Anna", "Jonas", "Lea", "Felix", "Hannah", "Paul", "Sophie"},
                  {
                    "Müller",
                    "Schmidt",
                    "Schneider",
                    "Fischer",
                    "Weber",
                    "Becker",
                    "Hoffmann",
                    "Wagner"
                  }
                }),
            Map.entry(
                "nl",
                new String[][] {
                  {"Daan", "Sanne", "Bram", "Lotte", "Thijs", "Fleur"},
                  {"de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser"}
                }),
            Map.entry(
                "it",
                new String[][] {
                  {"Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo"},
                  {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano"}
                }),
            Map.entry(
                "nordic",
                new String[][] {
                  {"Erik", "Ingrid", "Lars", "Astrid", "Mikael", "Sigrid", "Jón", "Anna"},
                  {
                    "Andersson",
                    "Hansen",
                    "Johansson",
                    "Nielsen",
                    "Virtanen",
                    "Larsen",
                    "Jónsson",
                    "Berg"
                  }
                }),
            Map.entry(
                "east-eu",
                new String[][] {
                  {"Piotr", "Katarzyna", "Jan", "Tereza", "Olena", "Andriy", "Anna", "Tomáš"},
                  {
                    "Nowak",
                    "Kowalski",
                    "Novák",
                    "Svoboda",
                    "Shevchenko",
                    "Kovalenko",
                    "Wiśniewska",
                    "Dvořák"
                  }
                }),
            Map.entry(
                "med",
                new String[][] {
                  {"Nikos", "Eleni", "Mehmet", "Ayşe", "Yossi", "Noa", "Omar", "Layla"},
                  {"Papadopoulos", "Yılmaz", "Kaya", "Cohen", "Levi", "Hassan", "Demir", "Georgiou"}
                }),
            Map.entry(
                "africa",
                new String[][] {
                  {"Chinedu", "Amara", "Kwame", "Ama", "Wanjiru", "Otieno", "Thabo", "Naledi"},
                  {
                    "Okafor",
                    "Mensah",
                    "Kamau",
                    "Odhiambo",
                    "Nkosi",
                    "Adeyemi",
                    "Boateng",
                    "Dlamini"
                  }
                }),
            Map.entry(
                "south-asia",
                new String[][] {
                  {"Priya", "Arjun", "Ananya", "Rahul", "Sita", "Rohan", "Fatima", "Karim"},
                  {"Sharma", "Patel", "Singh", "Gupta", "Shrestha", "Rahman", "Iyer", "Thapa"}
                }),
            Map.entry(
                "east-asia",
                new String[][] {
                  {"Haruto", "Yui", "Minjun", "Seoyeon", "Wei", "Mei", "Siti", "Ahmad"},
                  {"Sato", "Suzuki", "Kim", "Park", "Chan", "Wong", "Tan", "Reyes"}
                }),
            Map.entry(
                "pacific",
                new String[][] {
                  {"Sione", "Losa", "Tavita", "Mele", "Ratu", "Ana", "Teiti", "Malia"},
                  {"Tuilagi", "Fifita", "Naivalu", "Leota", "Taufa", "Tabai", "Soliai", "Vunipola"}
                }));
    private static final Map<String, String> NAME_GROUP =
        Map.ofEntries(
            Map.entry("ES", "es"),
            Map.entry("MX", "es"),
            Map.entry("CO", "es"),
            Map.entry("PE", "es"),
            Map.entry("CL", "es"),
            Map.entry("AR", "es"),
            Map.entry("UY", "es"),
            Map.entry("BR", "pt"),
            Map.entry("PT", "pt"),
            Map.entry("FR", "fr"),
            Map.entry("BE", "fr"),
            Map.entry("DE", "de"),
            Map.entry("AT", "de"),
            Map.entry("CH", "de"),
            Map.entry("NL", "nl"),
            Map.entry("IT", "it"),
            Map.entry("SE", "nordic"),
            Map.entry("NO", "nordic"),
            Map.entry("FI", "nordic"),
            Map.entry("DK", "nordic"),
            Map.entry("IS", "nordic"),
            Map.entry("PL", "east-eu"),
            Map.entry("CZ", "east-eu"),
            Map.entry("UA", "east-eu"),
            Map.entry("GR", "med"),
            Map.entry("TR", "med"),
            Map.entry("IL", "med"),
            Map.entry("AE", "med"),
            Map.entry("EG", "med"),
            Map.entry("KE", "africa"),
            Map.entry("NG", "africa"),
            Map.entry("GH", "africa"),
            Map.entry("ZA", "africa"),
            Map.entry("IN", "south-asia"),
            Map.entry("NP", "south-asia"),
            Map.entry("BD", "south-asia"),
            Map.entry("TH", "east-asia"),
            Map.entry("SG", "east-asia"),
            Map.entry("MY", "east-asia"),
            Map.entry("PH", "east-asia"),
            Map.entry("HK", "east-asia"),
            Map.entry("KR", "east-asia"),
            Map.entry("JP", "east-asia"),
            Map.entry("FJ", "pacific"),
            Map.entry("WS", "pacific"),
            Map.entry("TO", "pacific"),
            Map.entry("KI", "pacific"),
            Map.entry("AS", "pacific"));
    private static final Map<String, String[]> STREETS =
        Map.of(
            "es",
                new String[] {
                  "Calle Mayor %d", "Avenida de la Constitución %d", "Calle de Alcalá %d"
                },
            "pt", new String[] {"Rua Direita %d", "Avenida da Liberdade %d"},
            "fr",
                new String[] {
                  "%d rue de la République", "%d boulevard du Palais", "%d avenue Jean Jaurès"
                },
            "de", new String[] {"Hauptstraße %d", "Bahnhofstraße %d", "Friedrichstraße %d"},
            "nl", new String[] {"Hoofdstraat %d", "Stationsweg %d"},
            "it", new String[] {"Via Roma %d", "Via Garibaldi %d"},
            "en",
                new String[] {
                  "%d High Street", "%d Station Road", "%d Main Street", "%d Justice Avenue"
                });
    private static final String[] DESKS = {
      "press", "media", "socialmedia", "communications", "digital", "news"
    };

    private final Random random;
    private final int edition;
    private final Instant base;
    private final Set<String> handles = new HashSet<>();
    private final Set<String> emails = new HashSet<>();

    Generator(Random random, int edition, LocalDate today) {
      this.random = random;
      this.edition = edition;
      this.base = today.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    List<Registration> run() {
      List<Registration> out = new ArrayList<>();
      for (Place p : Place.ALL) {
        add(out, agency(p));
        int officers = 1 + random.nextInt(5);
        for (int i = 0; i < officers; i++) {
          add(out, officer(p));
        }
      }
      return out;
    }

    private void add(List<Registration> out, Registration.Builder b) {
      if (b != null) {
        out.add(b.build());
      }
    }

    private Registration.Builder agency(Place p) {
      String handle = unique(handleFrom(p.agency(), p.city()));
      String email = uniqueEmail(DESKS[random.nextInt(DESKS.length)], p.domain());
      return common(p, handle, email, true)
          .accountType(AccountType.AGENCY)
          .agencyName(p.agency())
          .agencyLevel(p.level());
    }

    private Registration.Builder officer(Place p) {
      String[][] names = NAMES.get(NAME_GROUP.getOrDefault(p.country(), "en"));
      String first = names[0][random.nextInt(names[0].length)];
      String last = names[1][random.nextInt(names[1].length)];
      String[] titles = {"PC", "Sgt", "Officer", "Insp", "Cst", "Det"};
      String handle =
          unique(titles[random.nextInt(titles.length)] + ascii(first).charAt(0) + ascii(last));
      String email =
          uniqueEmail(
              ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT),
              p.domain());
      boolean withAddress = random.nextInt(2) == 0;
      return common(p, handle, email, withAddress)
          .accountType(AccountType.OFFICER)
          .agencyName(p.agency())
          .agencyLevel(p.level())
          .officerName(first + " " + last)
          .officerNameOnMap(random.nextInt(3) == 0);
    }

    private Registration.Builder common(Place p, String handle, String email, boolean withAddress) {
      boolean review = p.emailVerdict() == Verdict.REVIEW;
      int roll = random.nextInt(100);
      RegistrationStatus status;
      if (review) {
        status =
            roll < 55
                ? RegistrationStatus.PENDING_REVIEW
                : roll < 90 ? RegistrationStatus.VERIFIED : RegistrationStatus.PENDING_VERIFICATION;
      } else {
        status = roll < 88 ? RegistrationStatus.VERIFIED : RegistrationStatus.PENDING_VERIFICATION;
      }
      Instant created = base.minus(Duration.ofMinutes(60 + random.nextInt(40 * 24 * 60)));
      Registration.Builder b =
          Registration.builder()
              .id(new java.util.UUID(random.nextLong(), random.nextLong()))
              .edition(edition)
              .handle(TwitterHandle.of(handle))
              .email(email)
              .country(p.country())
              .zone(p.zone())
              .participationModel(
                  ParticipationModel.values()[random.nextInt(ParticipationModel.values().length)])
              .status(status)
              .emailNeedsReview(review)
              .createdAt(created);
      if (status != RegistrationStatus.PENDING_VERIFICATION) {
        b.updatedAt(created.plus(Duration.ofMinutes(5 + random.nextInt(600))));
      }
      if (withAddress) {
        String[] streets = STREETS.getOrDefault(p.language(), STREETS.get("en"));
        String street =
            String.format(
                Locale.ROOT, streets[random.nextInt(streets.length)], 1 + random.nextInt(180));
        b.address(new PostalAddress(street, p.city(), null, postalCode(p.country())));
        b.coordinates(
            new Coordinates(
                round(p.latitude() + (random.nextDouble() - 0.5) * 0.08),
                round(p.longitude() + (random.nextDouble() - 0.5) * 0.08)));
      }
      return b;
    }

    private String postalCode(String country) {
      if (country.equals("GB")) {
        return ""
            + (char) ('A' + random.nextInt(26))
            + (char) ('A' + random.nextInt(26))
            + (1 + random.nextInt(20))
            + " "
            + random.nextInt(10)
            + (char) ('A' + random.nextInt(26))
            + (char) ('A' + random.nextInt(26));
      }
      return String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
    }

    private static double round(double v) {
      return Math.round(v * 10_000) / 10_000.0;
    }

    private String unique(String candidate) {
      String h = candidate.replaceAll("[^A-Za-z0-9_]", "");
      if (h.length() > TwitterHandle.MAX_LENGTH) {
        h = h.substring(0, TwitterHandle.MAX_LENGTH);
      }
      String chosen = h;
      for (int n = 2; !handles.add(chosen.toLowerCase(Locale.ROOT)); n++) {
        String suffix = Integer.toString(n);
        chosen =
            (h.length() + suffix.length() > TwitterHandle.MAX_LENGTH
                    ? h.substring(0, TwitterHandle.MAX_LENGTH - suffix.length())
                    : h)
                + suffix;
      }
      return chosen;
    }

    private String uniqueEmail(String local, String domain) {
      String l = local.replaceAll("[^a-z0-9.]", "");
      String email = l + "@" + domain;
      for (int n = 2; !emails.add(email); n++) {
        email = l + n + "@" + domain;
      }
      return email;
    }

    /** An agency's handle: the capitals or first letters of its name, then of its city. */
    private static String handleFrom(String agency, String city) {
      StringBuilder b = new StringBuilder();
      for (String word : ascii(agency).split("[^A-Za-z0-9]+")) {
        if (word.length() > 3 && b.length() < 8) {
          b.append(Character.toUpperCase(word.charAt(0)))
              .append(word, 1, Math.min(word.length(), 4));
        } else if (!word.isEmpty()) {
          b.append(Character.toUpperCase(word.charAt(0)));
        }
      }
      String c = ascii(city).replaceAll("[^A-Za-z]", "");
      return b + c.substring(0, Math.min(c.length(), 4));
    }

    private static String ascii(String s) {
      return Normalizer.normalize(s, Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "")
          .replace("ø", "o")
          .replace("ł", "l")
          .replace("ı", "i")
          .replace("'", "")
          .replace(" ", "");
    }
  }
}
