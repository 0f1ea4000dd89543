/** Hand-written MSPDI files in the shape Microsoft Project saves, for tests and benchmarks. */

const STANDARD_WEEK = `
        <WeekDays>
          <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
          ${[2, 3, 4, 5, 6]
            .map(
              (d) => `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes>
            <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
            <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>
          </WorkingTimes></WeekDay>`,
            )
            .join('\n          ')}
          <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
        </WeekDays>`;

/**
 * A small project: Standard calendar with a holiday (Wed 2026-01-14) and a recurring yearly
 * exception; a summary with children; every link type; lags in days, elapsed days and percent;
 * an SNET constraint; a deadline; progress on one task; a resource with its own calendar.
 *
 * Expected dates (hand-computed with Project's rules) are in the tests.
 */
export const SMALL_PROJECT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion>
  <Name>Small.xml</Name>
  <Title>Small</Title>
  <ScheduleFromStart>1</ScheduleFromStart>
  <StartDate>2026-01-05T08:00:00</StartDate>
  <FinishDate>2026-01-23T17:00:00</FinishDate>
  <CalendarUID>1</CalendarUID>
  <DefaultStartTime>08:00:00</DefaultStartTime>
  <DefaultFinishTime>17:00:00</DefaultFinishTime>
  <MinutesPerDay>480</MinutesPerDay>
  <MinutesPerWeek>2400</MinutesPerWeek>
  <DaysPerMonth>20</DaysPerMonth>
  <StatusDate>2026-01-07T17:00:00</StatusDate>
  <Calendars>
    <Calendar>
      <UID>1</UID>
      <Name>Standard</Name>
      <IsBaseCalendar>1</IsBaseCalendar>
      <BaseCalendarUID>-1</BaseCalendarUID>${STANDARD_WEEK}
      <Exceptions>
        <Exception>
          <EnteredByOccurrences>0</EnteredByOccurrences>
          <TimePeriod><FromDate>2026-01-14T00:00:00</FromDate><ToDate>2026-01-14T23:59:00</ToDate></TimePeriod>
          <Occurrences>1</Occurrences>
          <Name>Company day</Name>
          <Type>1</Type>
          <DayWorking>0</DayWorking>
        </Exception>
        <Exception>
          <EnteredByOccurrences>1</EnteredByOccurrences>
          <TimePeriod><FromDate>2026-12-25T00:00:00</FromDate><ToDate>2030-12-25T23:59:00</ToDate></TimePeriod>
          <Occurrences>5</Occurrences>
          <Name>Christmas</Name>
          <Type>2</Type>
          <Month>11</Month>
          <MonthDay>25</MonthDay>
          <DayWorking>0</DayWorking>
        </Exception>
      </Exceptions>
    </Calendar>
    <Calendar>
      <UID>2</UID>
      <Name>Early bird</Name>
      <IsBaseCalendar>0</IsBaseCalendar>
      <BaseCalendarUID>1</BaseCalendarUID>
      <WeekDays>
        ${[2, 3, 4, 5, 6]
          .map(
            (d) => `<WeekDay><DayType>${d}</DayType><DayWorking>1</DayWorking><WorkingTimes>
          <WorkingTime><FromTime>06:00:00</FromTime><ToTime>14:00:00</ToTime></WorkingTime>
        </WorkingTimes></WeekDay>`,
          )
          .join('\n        ')}
      </WeekDays>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Small</Name><Type>1</Type><IsNull>0</IsNull><WBS>0</WBS><OutlineNumber>0</OutlineNumber><OutlineLevel>0</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-23T17:00:00</Finish><Duration>PT120H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>1</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Design</Name><Type>1</Type><IsNull>0</IsNull><WBS>1</WBS><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish><Duration>PT40H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>1</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Sketch</Name><Type>0</Type><IsNull>0</IsNull><WBS>1.1</WBS><OutlineNumber>1.1</OutlineNumber><OutlineLevel>2</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-07T17:00:00</Finish><Duration>PT24H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><PercentComplete>50</PercentComplete><ActualStart>2026-01-05T08:00:00</ActualStart><ActualDuration>PT12H0M0S</ActualDuration><RemainingDuration>PT12H0M0S</RemainingDuration><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID>
      <Baseline><Number>0</Number><Start>2026-01-05T08:00:00</Start><Finish>2026-01-07T17:00:00</Finish><Duration>PT24H0M0S</Duration><Work>PT24H0M0S</Work><Cost>1200</Cost></Baseline>
    </Task>
    <Task><UID>3</UID><ID>3</ID><Name>Review</Name><Type>0</Type><IsNull>0</IsNull><WBS>1.2</WBS><OutlineNumber>1.2</OutlineNumber><OutlineLevel>2</OutlineLevel><Start>2026-01-08T08:00:00</Start><Finish>2026-01-09T17:00:00</Finish><Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
    </Task>
    <Task><UID>4</UID><ID>4</ID><Name>Design done</Name><Type>1</Type><IsNull>0</IsNull><WBS>2</WBS><OutlineNumber>2</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-09T17:00:00</Start><Finish>2026-01-09T17:00:00</Finish><Duration>PT0H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>1</Milestone><Summary>0</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
    </Task>
    <Task><UID>5</UID><ID>5</ID><Name>Build</Name><Type>0</Type><IsNull>0</IsNull><WBS>3</WBS><OutlineNumber>3</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-13T08:00:00</Start><Finish>2026-01-19T17:00:00</Finish><Duration>PT32H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID><Deadline>2026-01-16T17:00:00</Deadline>
      <PredecessorLink><PredecessorUID>4</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
    </Task>
    <Task><UID>6</UID><ID>6</ID><Name>Docs</Name><Type>0</Type><IsNull>0</IsNull><WBS>4</WBS><OutlineNumber>4</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-15T08:00:00</Start><Finish>2026-01-16T17:00:00</Finish><Duration>PT16H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID>
      <PredecessorLink><PredecessorUID>5</PredecessorUID><Type>3</Type><CrossProject>0</CrossProject><LinkLag>50</LinkLag><LagFormat>19</LagFormat></PredecessorLink>
    </Task>
    <Task><UID>7</UID><ID>7</ID><Name>Test</Name><Type>0</Type><IsNull>0</IsNull><WBS>5</WBS><OutlineNumber>5</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-19T08:00:00</Start><Finish>2026-01-19T17:00:00</Finish><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID>
      <PredecessorLink><PredecessorUID>5</PredecessorUID><Type>0</Type><CrossProject>0</CrossProject><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
    </Task>
    <Task><UID>8</UID><ID>8</ID><Name>Ship</Name><Type>0</Type><IsNull>0</IsNull><WBS>6</WBS><OutlineNumber>6</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-22T08:00:00</Start><Finish>2026-01-22T17:00:00</Finish><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><ConstraintType>4</ConstraintType><CalendarUID>-1</CalendarUID><ConstraintDate>2026-01-22T08:00:00</ConstraintDate>
      <PredecessorLink><PredecessorUID>7</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject><LinkLag>14400</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
    </Task>
    <Task><UID>9</UID><ID>9</ID><Name>Train</Name><Type>0</Type><IsNull>0</IsNull><WBS>7</WBS><OutlineNumber>7</OutlineNumber><OutlineLevel>1</OutlineLevel><Start>2026-01-20T06:00:00</Start><Finish>2026-01-20T14:00:00</Finish><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID>
      <PredecessorLink><PredecessorUID>7</PredecessorUID><Type>2</Type><CrossProject>0</CrossProject><LinkLag>-2400</LinkLag><LagFormat>5</LagFormat></PredecessorLink>
    </Task>
  </Tasks>
  <Resources>
    <Resource><UID>0</UID><ID>0</ID><Type>1</Type><IsNull>0</IsNull></Resource>
    <Resource><UID>1</UID><ID>1</ID><Name>Ana</Name><Type>1</Type><IsNull>0</IsNull><Initials>A</Initials><MaxUnits>1.00</MaxUnits><CalendarUID>2</CalendarUID></Resource>
  </Resources>
  <Assignments>
    <Assignment><UID>1</UID><TaskUID>9</TaskUID><ResourceUID>1</ResourceUID><Finish>2026-01-20T14:00:00</Finish><Start>2026-01-20T06:00:00</Start><Units>1</Units><Work>PT8H0M0S</Work>
      <Baseline><Number>0</Number><Start>2026-01-20T06:00:00</Start><Finish>2026-01-20T14:00:00</Finish><Work>PT8H0M0S</Work></Baseline>
    </Assignment>
  </Assignments>
</Project>
`;

/** Fields Project writes on every task that Baton does not model (so the benchmark file is realistic in size). */
const PROJECT_NOISE = [
  '<GUID>7C1C1A34-0C4E-F011-A3A8-00155D0B3C1E</GUID>',
  '<CreateDate>2026-01-02T09:12:00</CreateDate>',
  '<Work>PT8H0M0S</Work>',
  '<ResumeValid>0</ResumeValid><EffortDriven>0</EffortDriven><Recurring>0</Recurring><OverAllocated>0</OverAllocated>',
  '<DisplayAsSummary>0</DisplayAsSummary><Critical>1</Critical><IsSubproject>0</IsSubproject><IsSubprojectReadOnly>0</IsSubprojectReadOnly>',
  '<ExternalTask>0</ExternalTask><EarlyStart>2026-01-05T08:00:00</EarlyStart><EarlyFinish>2026-01-05T17:00:00</EarlyFinish>',
  '<LateStart>2026-01-05T08:00:00</LateStart><LateFinish>2026-01-05T17:00:00</LateFinish><StartVariance>0</StartVariance>',
  '<FinishVariance>0</FinishVariance><WorkVariance>0.00</WorkVariance><FreeSlack>0</FreeSlack><TotalSlack>0</TotalSlack>',
  '<StartSlack>0</StartSlack><FinishSlack>0</FinishSlack><FixedCost>0</FixedCost><FixedCostAccrual>3</FixedCostAccrual>',
  '<PercentWorkComplete>0</PercentWorkComplete><Cost>0</Cost><OvertimeCost>0</OvertimeCost><OvertimeWork>PT0H0M0S</OvertimeWork>',
  '<ActualDuration>PT0H0M0S</ActualDuration><ActualCost>0</ActualCost><ActualOvertimeCost>0</ActualOvertimeCost>',
  '<ActualWork>PT0H0M0S</ActualWork><ActualOvertimeWork>PT0H0M0S</ActualOvertimeWork><RegularWork>PT8H0M0S</RegularWork>',
  '<RemainingCost>0</RemainingCost><RemainingWork>PT8H0M0S</RemainingWork><RemainingOvertimeCost>0</RemainingOvertimeCost>',
  '<RemainingOvertimeWork>PT0H0M0S</RemainingOvertimeWork><ACWP>0.00</ACWP><CV>0.00</CV><LevelAssignments>1</LevelAssignments>',
  '<LevelingCanSplit>1</LevelingCanSplit><LevelingDelay>0</LevelingDelay><LevelingDelayFormat>8</LevelingDelayFormat>',
  '<HideBar>0</HideBar><Rollup>0</Rollup><BCWS>0.00</BCWS><BCWP>0.00</BCWP><PhysicalPercentComplete>0</PhysicalPercentComplete>',
  '<EarnedValueMethod>0</EarnedValueMethod><IsPublished>0</IsPublished><CommitmentType>0</CommitmentType>',
  '<ExtendedAttribute><FieldID>188743731</FieldID><Value>Some text value</Value></ExtendedAttribute>',
].join('');

/** Generates an MSPDI file with `count` chained tasks under summaries (for the import benchmark). */
export function generateLargeMspdi(count: number): string {
  const tasks: string[] = [];
  tasks.push(
    '<Task><UID>0</UID><ID>0</ID><Name>Large</Name><OutlineLevel>0</OutlineLevel><Duration>PT0H0M0S</Duration><Summary>1</Summary></Task>',
  );
  for (let i = 1; i <= count; i++) {
    const summary = i % 50 === 1;
    const level = summary ? 1 : 2;
    const pred =
      !summary && i > 2 && (i - 1) % 50 !== 1
        ? `<PredecessorLink><PredecessorUID>${i - 1}</PredecessorUID><Type>${i % 7 === 0 ? 3 : 1}</Type><LinkLag>${i % 5 === 0 ? 4800 : 0}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`
        : '';
    tasks.push(
      `<Task><UID>${i}</UID><ID>${i}</ID><Name>Task ${i}</Name><OutlineLevel>${level}</OutlineLevel><Start>2026-01-05T08:00:00</Start><Finish>2026-01-05T17:00:00</Finish><Duration>PT${8 * (1 + (i % 5))}H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>${summary ? 1 : 0}</Summary><ConstraintType>0</ConstraintType><CalendarUID>-1</CalendarUID>${PROJECT_NOISE}${pred}<Baseline><Number>0</Number><Start>2026-01-05T08:00:00</Start><Finish>2026-01-05T17:00:00</Finish><Duration>PT8H0M0S</Duration></Baseline></Task>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>Large</Name><ScheduleFromStart>1</ScheduleFromStart><StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay><MinutesPerWeek>2400</MinutesPerWeek><DaysPerMonth>20</DaysPerMonth>
<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID>${STANDARD_WEEK}</Calendar></Calendars>
<Tasks>${tasks.join('\n')}</Tasks><Resources/><Assignments/></Project>`;
}
