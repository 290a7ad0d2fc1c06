package isolab.web;

/** Every template the app renders, in one place; folders mirror the features. */
public final class Views {

    public static final String LOGIN = "auth/login";
    public static final String REGISTER = "auth/register";
    public static final String PASSWORD = "auth/password";
    public static final String CATALOG = "catalog/catalog";
    public static final String PLAYER = "player/player";
    public static final String GRADEBOOK = "gradebook/gradebook";
    public static final String COMPARE = "compare/compare";
    public static final String ERROR = "error";

    private Views() {
    }
}
