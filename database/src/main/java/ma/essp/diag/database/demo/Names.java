package ma.essp.diag.database.demo;

import java.util.SplittableRandom;

/** Plausible Moroccan-style place and person names built from syllables and common words: all synthetic. */
final class Names {

    private static final String[] PLACE_PREFIX = {"Aït", "Sidi", "Oulad", "Beni", "Tizi", "Ain", "Bir", "Dar", "Had", "Sebt",
            "Tnine", "Khemis", "Arbaa", "Jemaa", "Tleta", "Douar", "Imi", "Agadir", "Ighil", "Tala"};
    private static final String[] SYLLABLES = {"ta", "za", "ou", "ma", "ra", "ka", "la", "na", "ha", "ba", "fa", "me", "ri",
            "zi", "li", "ghi", "ssa", "lou", "dra", "mou", "bou", "ja", "kha", "sou", "ne", "ama", "ten", "mel", "gou", "tar"};
    private static final String[] SUFFIX = {"", "t", "ne", "ine", "a", "ane", "oun", "ate", "ir", "ouine", "ert", "al"};
    private static final String[] URBAN_PREFIX = {"Hay", "Hay", "Quartier", "Cité", "Lotissement", "Douar", "Bab", "Derb"};
    private static final String[] URBAN_WORDS = {"Al Massira", "Al Qods", "Annahda", "Al Wahda", "Al Amal", "Essalam",
            "Al Fath", "Ennour", "Al Majd", "Riad", "Al Andalous", "Moulay Ali", "Al Inbiaat", "Assaada", "Al Mansour",
            "Al Kheir", "Nassim", "Al Hikma", "Al Wifaq", "Attaqaddoum"};
    private static final String[] FIRST_F = {"Fatima", "Khadija", "Amina", "Naima", "Saida", "Latifa", "Zineb", "Houda",
            "Nadia", "Imane", "Samira", "Laila", "Meryem", "Salma", "Hanane", "Asmae", "Karima", "Siham", "Loubna", "Hajar"};
    private static final String[] FIRST_M = {"Mohamed", "Youssef", "Ahmed", "Rachid", "Hassan", "Karim", "Omar", "Said",
            "Mustapha", "Abdelaziz", "Hamid", "Driss", "Aziz", "Brahim", "Khalid", "Hicham", "Nabil", "Anas", "Mehdi", "Jamal"};
    private static final String[] FAMILY = {"Alaoui", "Bennani", "Tazi", "El Idrissi", "Berrada", "Chraibi", "Benjelloun",
            "Amrani", "El Fassi", "Ouazzani", "Lahlou", "Bouzid", "Naciri", "Hajji", "Ziani", "Kettani", "Mansouri", "Sebti",
            "Tahiri", "Belhaj", "Aït Lahcen", "Bakkali", "Rifi", "Souissi", "Filali", "Sqalli", "Cherkaoui", "Hamdaoui",
            "El Amrani", "Boutaleb", "Ouchen", "Aït Brahim", "Zerouali", "El Khattabi", "Moussaoui", "Benali"};

    private final SplittableRandom random;

    Names(SplittableRandom random) {
        this.random = random;
    }

    /** A word like "Tazarine" or "Boumalne". */
    String root() {
        int syllables = 2 + random.nextInt(2);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(pick(SYLLABLES));
        }
        word.append(pick(SUFFIX));
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A rural place: "Aït Tazarine", "Sidi Boumalne", or a bare root. */
    String ruralPlace() {
        return random.nextInt(10) < 7 ? pick(PLACE_PREFIX) + " " + root() : root();
    }

    /** An urban neighbourhood: "Hay Al Massira", "Cité Bourane". */
    String urbanPlace() {
        return pick(URBAN_PREFIX) + " " + (random.nextBoolean() ? pick(URBAN_WORDS) : root());
    }

    /** A town district, for an arrondissement or urban commune: "Al Massira", "Bourane". */
    String district() {
        return random.nextBoolean() ? pick(URBAN_WORDS) : root();
    }

    String person(String gender) {
        return ("f".equals(gender) ? pick(FIRST_F) : pick(FIRST_M)) + " " + pick(FAMILY);
    }

    String person() {
        return person(random.nextBoolean() ? "f" : "m");
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
