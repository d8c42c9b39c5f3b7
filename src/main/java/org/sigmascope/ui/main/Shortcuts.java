package org.sigmascope.ui.main;

/** The keyboard shortcuts, as Help › Keyboard shortcuts lists them (docs/user-guide.md has the same list). */
final class Shortcuts {
    static final String TEXT = """
            Cases and evidence
              Ctrl+N  new case          Ctrl+O  open case          Ctrl+W  close case
              Ctrl+I  add evidence files   Ctrl+Shift+I  add an evidence folder
              Ctrl+E  export            Ctrl+,  settings           Ctrl+Q  quit
            Views
              Ctrl+1  timeline   Ctrl+2  process trees   Ctrl+3  rules
              Ctrl+F  find (the query bar)   Alt+Left  back   Ctrl+D  detections only
              Ctrl+R  re-scan the case with the rules chosen now
            In the timeline (the table focused)
              ↑ ↓ Page Up/Down Home End  move      Shift+…  select
              S  star or unstar    T  tag    N  note    X  context (± minutes, all sources)
              P  show in the process tree
              Ctrl+C  copy the selected rows (tab-separated)   Ctrl+Shift+C  copy the cell
            In the query bar
              Enter  run    Tab  take the first suggestion    Ctrl+Space  suggest field names""";

    private Shortcuts() {
    }
}
