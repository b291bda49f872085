"""`thidua new` and `thidua diff`: the year moving on, two plans compared, the Word redline."""
