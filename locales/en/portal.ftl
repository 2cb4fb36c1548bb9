portal-survey = Survey
portal-state = State
portal-ballots-taken = Ballots taken
portal-published-reports-each-surveys-page = Published reports are on each survey's page.
portal-results = Results
portal-reports = Reports
portal-share-invitees-who-took-their = The share of invitees who took their anonymous ballot. During fieldwork it is updated once a day and rounded to 5 %, and groups with fewer than k ballots are not shown (nor, so that subtraction cannot reveal them, enough others). The report's response rate counts the answers actually sent, so it can be lower.
portal-taken-on-utc = Taken on (UTC):
