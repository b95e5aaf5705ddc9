package hk.baycover;

public final class Launcher { public static void main(String[] a) { } }
