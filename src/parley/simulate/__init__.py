"""Stage 5: bargaining engines that forecast where a deal can land."""
