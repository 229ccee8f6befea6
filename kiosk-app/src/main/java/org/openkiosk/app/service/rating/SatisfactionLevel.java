package org.openkiosk.app.service.rating;

/** The five rating levels of the government "good / bad review" scheme, best first. */
public enum SatisfactionLevel {
    VERY_SATISFIED(5, "非常满意", "Very satisfied"),
    SATISFIED(4, "满意", "Satisfied"),
    BASICALLY_SATISFIED(3, "基本满意", "Basically satisfied"),
    DISSATISFIED(2, "不满意", "Dissatisfied"),
    VERY_DISSATISFIED(1, "非常不满意", "Very dissatisfied");

    private final int score;
    private final String zh;
    private final String en;

    SatisfactionLevel(int score, String zh, String en) {
        this.score = score;
        this.zh = zh;
        this.en = en;
    }

    /** 5 (best) … 1 (worst), as stored. */
    public int score() {
        return score;
    }

    public String label(String language) {
        return "en".equals(language) ? en : zh;
    }

    /** Only the bottom two levels ask for a reason. */
    public boolean takesReason() {
        return score <= 2;
    }

    public static SatisfactionLevel ofScore(int score) {
        for (SatisfactionLevel level : values()) {
            if (level.score == score) {
                return level;
            }
        }
        throw new IllegalArgumentException("a rating is 1 to 5, not " + score);
    }
}
