"""`thidua render`: plan -> context -> template -> layout -> writer (.docx, text, PDF)."""
