package isolab.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every URL of the app, in one place: the route patterns the controllers register, and the
 * methods templates and redirects build links with ({@code ${urls.player(lab.id)}}).
 */
public final class Urls {

    public static final Urls INSTANCE = new Urls();

    public static final String HOME = "/";
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    public static final String REGISTER = "/register";
    public static final String PASSWORD = "/account/password";
    public static final String CATALOG = "/labs";
    public static final String PLAYER = "/labs/{lab}";
    public static final String PLAYER_NEXT = "/labs/{lab}/next";
    public static final String PLAYER_FORWARD = "/labs/{lab}/forward";
    public static final String PLAYER_BACK = "/labs/{lab}/back";
    public static final String PLAYER_JUMP = "/labs/{lab}/jump";
    public static final String PLAYER_PREDICT = "/labs/{lab}/predict";
    public static final String PLAYER_CHECK = "/labs/{lab}/check";
    public static final String PLAYER_RESTART = "/labs/{lab}/restart";
    public static final String TERMINAL = "/labs/{lab}/terminal";
    public static final String COMPARE = "/labs/{lab}/compare";
    public static final String GRADEBOOK_REPLAY = "/gradebook/replays/{replay}";
    public static final String GRADEBOOK = "/gradebook";
    public static final String GRADEBOOK_CSV = "/gradebook.csv";
    public static final String STATIC = "/static";

    private Urls() {
    }

    public String home() {
        return HOME;
    }

    public String login() {
        return LOGIN;
    }

    /** The login page that returns to {@code next} afterwards. */
    public String login(String next) {
        return LOGIN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    public String logout() {
        return LOGOUT;
    }

    public String register() {
        return REGISTER;
    }

    public String password() {
        return PASSWORD;
    }

    public String catalog() {
        return CATALOG;
    }

    public String gradebook() {
        return GRADEBOOK;
    }

    public String gradebookCsv() {
        return GRADEBOOK_CSV;
    }

    public String stylesheet() {
        return STATIC + "/isolab.css";
    }

    public String player(String labId) {
        return lab(PLAYER, labId);
    }

    public String next(String labId) {
        return lab(PLAYER_NEXT, labId);
    }

    public String forward(String labId) {
        return lab(PLAYER_FORWARD, labId);
    }

    public String back(String labId) {
        return lab(PLAYER_BACK, labId);
    }

    public String jump(String labId) {
        return lab(PLAYER_JUMP, labId);
    }

    public String predict(String labId) {
        return lab(PLAYER_PREDICT, labId);
    }

    public String check(String labId) {
        return lab(PLAYER_CHECK, labId);
    }

    public String restart(String labId) {
        return lab(PLAYER_RESTART, labId);
    }

    public String terminal(String labId) {
        return lab(TERMINAL, labId);
    }

    public String compare(String labId) {
        return lab(COMPARE, labId);
    }

    /** The instructor's view of a stored real-host replay. */
    public String gradebookReplay(long replayId) {
        return GRADEBOOK_REPLAY.replace("{replay}", String.valueOf(replayId));
    }

    private static String lab(String pattern, String labId) {
        return pattern.replace("{lab}", URLEncoder.encode(labId, StandardCharsets.UTF_8));
    }
}
