// Build step: prints the widget's sizes and fails past the first-load budget (DESIGN §5).
import { FIRST_LOAD_BUDGET, kb, measureWidget, printWidgetSize } from './widget-size.mjs';

const report = measureWidget();
printWidgetSize(report);
if (report.firstLoad.gz > FIRST_LOAD_BUDGET) {
  console.error(
    `✗ The first load is ${kb(report.firstLoad.gz)} gz, over the ${kb(FIRST_LOAD_BUDGET)} budget.`,
  );
  process.exit(1);
}
console.log(
  `✓ First load ${kb(report.firstLoad.gz)} gz is within the ${kb(FIRST_LOAD_BUDGET)} budget.`,
);
