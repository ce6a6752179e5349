;;; hrbox.el --- File email into HR records with hrbox -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (jsonrpc "1.0.14"))
;; Keywords: mail

;;; Commentary:

;; Commands for the message being read in notmuch, mu4e or Gnus.  They
;; find the person (employee, applicant or former employee) that the
;; message belongs to, store the message byte for byte in that person's
;; personnel file, optionally under one of the person's cases, register
;; a new person, start a case, or plan a to-do for a colleague.
;;
;; The commands talk to one `hrbox serve' process per Emacs session in
;; JSON-RPC 2.0 with Language Server Protocol framing, through the
;; built-in jsonrpc.el.  The server starts on first use and stops with
;; `hrbox-stop' or when Emacs exits.
;;
;; Suggested binding (C-c followed by a letter is left to users):
;;
;;   (global-set-key (kbd "C-c h") hrbox-command-map)

;;; Code:

(require 'jsonrpc)
(require 'parse-time)
(require 'seq)
(require 'subr-x)
(require 'time-date)

(declare-function notmuch-show-get-message-id "notmuch-show" (&optional bare))
(declare-function notmuch-tree-get-message-id "notmuch-tree" (&optional bare))
(declare-function notmuch-search-find-thread-id "notmuch" (&optional bare))
(declare-function mu4e-message-at-point "mu4e-message" (&optional noerror))
(declare-function mu4e-message-field "mu4e-message" (msg field))
(declare-function gnus-summary-select-article "gnus-sum"
                  (&optional all-headers force pseudo article))
(declare-function gnus-find-method-for-group "gnus" (group &optional info))
(declare-function gnus-request-article "gnus-int" (article group &optional buffer))
(defvar notmuch-command)
(defvar gnus-original-article-buffer)
(defvar gnus-article-current)
(defvar nnmaildir-article-file-name)

(defgroup hrbox nil
  "File email into HR records with hrbox."
  :group 'mail
  :prefix "hrbox-")

(defcustom hrbox-program "hrbox"
  "The hrbox executable: a name found on `exec-path', or an absolute path."
  :type 'string)

(defcustom hrbox-arguments nil
  "Arguments given after `hrbox serve', such as (\"--store\" \"/srv/hr.sqlite\").
Use absolute paths: the server runs in your home folder.  Without
--store and --config the server uses $HRBOX_STORE and $HRBOX_CONFIG,
then its default files."
  :type '(repeat string))

(defcustom hrbox-request-timeout 60
  "Seconds to wait for hrbox to answer one request."
  :type 'number)

(defcustom hrbox-max-participants 50
"The most participants the `*hrbox*' buffer lists, or nil for all of them.
The people among them come first, so a message to thousands of
recipients still shows who it belongs to."
  :type '(choice (const :tag "All" nil) natural-number))

(defcustom hrbox-exit-timeout 5
  "Seconds to wait for hrbox to exit after `shutdown' and `exit'.
When it is still running after that, it is killed and a warning says so."
  :type 'number)

(defconst hrbox-version "0.1.0"
  "The version of hrbox.el, sent to the server in `initialize'.")

(defconst hrbox--buffer-name "*hrbox*"
  "The buffer that shows what `hrbox-lookup' found.")

(defconst hrbox--default-max-message-bytes 75497472
  "The largest request body in bytes, 72 MiB, that `hrbox serve' accepts.
--max-message-bytes in `hrbox-arguments' sets another limit.")

(defconst hrbox--request-allowance 1024
  "Bytes allowed for a request's other params next to a message sent as base64.")

(defvar hrbox--connection nil
  "The jsonrpc connection to the running `hrbox serve', or nil.")

(defvar hrbox--process nil
  "The process of the running `hrbox serve', or nil.")

(defvar hrbox-last-exit-status nil
  "The exit status of the last `hrbox serve' process that ended, or nil.")

(defvar-local hrbox--shown-message nil
  "The message source shown in an `hrbox-lookup-mode' buffer.")

(defvar-local hrbox--shown-note nil
  "How the message of an `hrbox-lookup-mode' buffer was chosen, or nil.")


;;;; The server

(defun hrbox--start ()
  "Start `hrbox serve', initialize it, and return the connection."
  (let* ((process (hrbox--make-process))
         (connection
          (make-instance
           'jsonrpc-process-connection
           :name "hrbox"
           :process process
           ;; Requests carry whole messages, so keep them out of the events buffer.
           :events-buffer-scrollback-size 0
           :notification-dispatcher #'ignore
           :on-shutdown #'hrbox--record-exit)))
    (condition-case failure
        (jsonrpc-request connection 'initialize
                         (list :clientInfo (list :name "hrbox.el" :version hrbox-version)
                               :processId (emacs-pid))
                         :timeout hrbox-request-timeout)
      (jsonrpc-error
       ;; Without a shutdown first, exit ends the server with status 1.
       (when (process-live-p process)
         (jsonrpc-notify connection 'exit nil)
         (hrbox--wait-for-exit process))
       (user-error "hrbox: starting the server failed: %s" (hrbox--error-text (cdr failure)))))
    (jsonrpc-notify connection 'initialized (make-hash-table))
    (setq hrbox--process process)
    (setq hrbox--connection connection)))

(defun hrbox--make-process ()
  "Start `hrbox serve' with pipes and return the process."
  (let ((default-directory (expand-file-name "~/")))
    (condition-case failure
        (make-process
         :name "hrbox"
         :command (append (list hrbox-program "serve") hrbox-arguments)
         :connection-type 'pipe
         :coding 'utf-8-emacs-unix
         :noquery t
         :file-handler nil
         ;; jsonrpc.el adopts the stderr buffer by this exact name.
         :stderr (get-buffer-create "*hrbox stderr*"))
      (file-error
       (user-error "hrbox: cannot start \"%s\": %s; set `hrbox-program' to the hrbox executable"
                   hrbox-program (error-message-string failure))))))

(defun hrbox--record-exit (connection)
  "Record the exit status of the server behind CONNECTION, which ended."
  (when (eq hrbox--connection connection)
    (setq hrbox-last-exit-status (process-exit-status hrbox--process))
    (setq hrbox--connection nil)
    (setq hrbox--process nil)))

(defun hrbox--connection ()
  "Return the connection to `hrbox serve', starting the server if needed."
  (if (and hrbox--connection (process-live-p hrbox--process))
      hrbox--connection
    (hrbox--start)))

(defun hrbox--last-stderr-line ()
  "Return the last line hrbox wrote to stderr, or nil."
  (let ((buffer (get-buffer " *hrbox stderr*")))
    (when buffer
      (with-current-buffer buffer
        (save-excursion
          (goto-char (point-max))
          (skip-chars-backward "\n")
          (let ((line (buffer-substring-no-properties
                       (line-beginning-position) (point))))
            (unless (string-empty-p line)
              ;; Drop the time and the level that start each log line.
              (replace-regexp-in-string "\\`[^ ]+ [a-z]+: " "" line))))))))

(defun hrbox--error-text (error-data)
  "Return one line for the user from ERROR-DATA of a `jsonrpc-error'."
  (let ((code (alist-get 'jsonrpc-error-code error-data))
        (text (or (alist-get 'jsonrpc-error-message error-data) "unknown error")))
    (cond
     ((equal text "Timed out")
      (format "hrbox did not answer within %s seconds (`hrbox-request-timeout')"
              hrbox-request-timeout))
     ((eql code -1)
      (format "hrbox stopped unexpectedly%s"
              (let ((line (hrbox--last-stderr-line)))
                (if line (concat ": " line) ""))))
     ((eql code -32602) (hrbox--invalid-params-text text))
     (t (replace-regexp-in-string "[\n\r]+" " " text)))))

(defconst hrbox--field-names
  '(("startDate" . "start date") ("due" . "due date") ("title" . "title")
    ("firstName" . "first name") ("lastName" . "last name") ("addresses" . "address")
    ("employeeNumber" . "employee number") ("status" . "status")
    ("assignee" . "colleague the to-do is assigned to")
    ("sharedWith" . "colleague the to-do is shared with")
    ("personId" . "person") ("caseId" . "case") ("caseTypeId" . "case type")
    ("query" . "search text") ("message" . "message") ("targets" . "filing target")
    ("maxParticipants" . "participant limit"))
  "Names for the user of the params fields that hrbox.el sends.")

(defun hrbox--invalid-params-text (text)
  "Return a sentence for TEXT, the message of a -32602 reply.
hrbox writes it as \"Invalid params: PATH: REASON\", where PATH is a
field such as startDate or targets[0].personId."
  (let ((detail (string-remove-prefix "Invalid params: " text)))
    (if (string-match "\\`\\([A-Za-z]+\\)\\(?:\\[[0-9]+\\]\\|\\.[A-Za-z]+\\)*: \\(.*\\)" detail)
        (let ((field (match-string 1 detail))
              (reason (match-string 2 detail)))
          (format "the %s is invalid: %s"
                  (or (cdr (assoc field hrbox--field-names)) field)
                  reason))
      (format "the request is invalid: %s" detail))))

(defun hrbox--request (method &optional params)
  "Send the request METHOD with PARAMS to the server and return its result.
METHOD is a symbol such as `hrbox/lookup'.  The server starts first when
it is not running.  An error reply becomes a `user-error' that shows
hrbox's message."
  (condition-case failure
      (jsonrpc-request (hrbox--connection) method params :timeout hrbox-request-timeout)
    (jsonrpc-error
     (user-error "hrbox: %s" (hrbox--error-text (cdr failure))))))

(defun hrbox-stop ()
  "Stop the hrbox server: send `shutdown', then `exit', and wait for it to end.
Return the server's exit status, or nil when no server was running."
  (interactive)
  (let ((connection hrbox--connection)
        (process hrbox--process))
    (when (and connection (process-live-p process))
      (condition-case failure
          (jsonrpc-request connection 'shutdown nil :timeout hrbox-exit-timeout)
        (jsonrpc-error
         (message "hrbox: shutdown failed: %s" (hrbox--error-text (cdr failure)))))
      (when (process-live-p process)
        (jsonrpc-notify connection 'exit nil))
      (hrbox--wait-for-exit process)
      (setq hrbox-last-exit-status (process-exit-status process))
      (setq hrbox--connection nil)
      (setq hrbox--process nil)
      (when (called-interactively-p 'interactive)
        (message "hrbox: the server exited with status %d" hrbox-last-exit-status))
      hrbox-last-exit-status)))

(defun hrbox--wait-for-exit (process)
  "Wait until PROCESS ends, killing it after `hrbox-exit-timeout' seconds."
  (let ((deadline (+ (float-time) hrbox-exit-timeout)))
    (while (and (process-live-p process) (< (float-time) deadline))
      (accept-process-output process 0.05))
    (when (process-live-p process)
      (display-warning 'hrbox (format "hrbox did not exit within %s seconds after %s, so it was killed"
                                      hrbox-exit-timeout "shutdown and exit"))
      (delete-process process))))

(defun hrbox--stop-on-exit ()
  "Stop the server when Emacs exits, reporting a failure without blocking the exit."
  (condition-case failure
      (hrbox-stop)
    (error (message "hrbox: stopping the server failed: %s" (error-message-string failure)))))

(add-hook 'kill-emacs-hook #'hrbox--stop-on-exit)


;;;; The message being read

(defun hrbox--message-source ()
  "Return the raw message being read as a MessageSource plist.
notmuch messages go as (:base64 ...) because notmuch may run on another
machine through `notmuch-command'.  mu4e messages go as (:path ...)
because mu4e reads a local Maildir whose file hrbox can read itself,
byte for byte.  Gnus messages go either way, see
`hrbox--gnus-message-source'.  A message larger than hrbox accepts
signals a `user-error' before anything is sent."
  (let ((source
         (cond
          (hrbox--shown-message hrbox--shown-message)
          ((derived-mode-p 'notmuch-show-mode 'notmuch-tree-mode)
           (list :base64 (base64-encode-string (hrbox--notmuch-raw-message) t)))
          ((derived-mode-p 'notmuch-search-mode)
           (list :base64 (base64-encode-string (hrbox--notmuch-raw-message
                                                (hrbox--notmuch-newest-in-thread))
                                               t)))
          ;; mu4e's view mode derives from Gnus's article mode, so mu4e comes first.
          ((derived-mode-p 'mu4e-view-mode 'mu4e-headers-mode)
           (list :path (hrbox--mu4e-message-file)))
          ((derived-mode-p 'gnus-article-mode 'gnus-summary-mode)
           (hrbox--gnus-message-source))
          (t (user-error "hrbox: no message here; open a message in notmuch, mu4e or Gnus first")))))
    (hrbox--check-size source)
    source))

(defun hrbox--source-note ()
  "Return how the current buffer's message is chosen, or nil when it is obvious."
  (cond
   (hrbox--shown-message hrbox--shown-note)
   ((derived-mode-p 'notmuch-search-mode) "the newest message of the thread at point")))

(defun hrbox--max-message-bytes ()
  "Return the size limit in bytes that `hrbox-arguments' give the server."
  (let ((arguments hrbox-arguments)
        (limit nil))
    (while arguments
      (let ((argument (pop arguments)))
        (cond
         ((equal argument "--max-message-bytes") (setq limit (pop arguments)))
         ((string-prefix-p "--max-message-bytes=" argument)
          (setq limit (string-remove-prefix "--max-message-bytes=" argument))))))
    ;; A limit that is not a number stops the server, which then says why.
    (if (and limit (string-match-p "\\`[0-9]+\\'" limit))
        (string-to-number limit)
      hrbox--default-max-message-bytes)))

(defun hrbox--check-size (source)
  "Signal a `user-error' when the message SOURCE is over hrbox's size limit.
A message sent as base64 travels in the request, which needs a third
more bytes than the message; a file sent as its path must itself fit."
  (let ((limit (hrbox--max-message-bytes))
        (encoded (plist-get source :base64))
        (file (plist-get source :path)))
    (cond
     (encoded
      (when (> (+ (length encoded) hrbox--request-allowance) limit)
        (user-error "hrbox: the message is %d bytes, %d as base64, and with the rest of the request that is more than the %d bytes hrbox accepts; raise --max-message-bytes in `hrbox-arguments'"
                    (hrbox--base64-decoded-size encoded) (length encoded) limit)))
     (file
      (let ((size (file-attribute-size (file-attributes file))))
        (when (and size (> size limit))
          (user-error "hrbox: the message file is %d bytes, more than the %d bytes hrbox accepts; raise --max-message-bytes in `hrbox-arguments'"
                      size limit)))))))

(defun hrbox--base64-decoded-size (encoded)
  "Return the number of bytes that the unbroken base64 text ENCODED stands for."
  (- (* 3 (/ (length encoded) 4))
     (cond ((string-suffix-p "==" encoded) 2)
           ((string-suffix-p "=" encoded) 1)
           (t 0))))

(defun hrbox--notmuch-program ()
  "Return the notmuch executable that notmuch.el runs."
  (if (boundp 'notmuch-command) notmuch-command "notmuch"))

(defun hrbox--notmuch-newest-in-thread ()
  "Return the query of the newest message of the notmuch thread at point."
  (let ((thread (notmuch-search-find-thread-id))
        (program (hrbox--notmuch-program)))
    (unless thread
      (user-error "hrbox: no thread at point; move to a thread, or open the message first"))
    (with-temp-buffer
      (let ((status (call-process program nil '(t nil) nil "search" "--output=messages"
                                  "--sort=newest-first" "--limit=1" thread)))
        (unless (eql status 0)
          (user-error "hrbox: `%s search' failed with status %s; check `notmuch-command'"
                      program status)))
      (let ((query (string-trim (buffer-string))))
        (when (string-empty-p query)
          (user-error "hrbox: the thread at point has no message; open the message first"))
        query))))

(defun hrbox--notmuch-raw-message (&optional query)
  "Return the bytes of the notmuch message QUERY as a unibyte string.
QUERY defaults to the message at point in a notmuch show or tree buffer."
  (let ((query (or query
                   (if (derived-mode-p 'notmuch-tree-mode)
                       (notmuch-tree-get-message-id)
                     (notmuch-show-get-message-id))))
        (program (hrbox--notmuch-program)))
    (unless query
      (user-error "hrbox: no message at point; move to a message first"))
    (with-temp-buffer
      (set-buffer-multibyte nil)
      (let* ((coding-system-for-read 'binary)
             (status (call-process program nil '(t nil) nil "show" "--format=raw" query)))
        (unless (eql status 0)
          (user-error "hrbox: `%s show --format=raw' failed with status %s; check `notmuch-command'"
                      program status)))
      (buffer-string))))

(defun hrbox--mu4e-message-file ()
  "Return the Maildir file of the current mu4e message."
  (let* ((message (mu4e-message-at-point))
         (file (and message (mu4e-message-field message :path))))
    (unless (and file (file-readable-p file))
      (user-error "hrbox: the message's Maildir file cannot be read; run `mu index' and open the message again"))
    (expand-file-name file)))

(defun hrbox--gnus-message-source ()
  "Return the selected Gnus article as a MessageSource plist.
An nnmaildir article goes as its Maildir file, because Gnus turns CRLF
line ends into LF when it reads a file into the article buffer.  Articles
of other back ends go as the bytes of the original article buffer."
  (when (derived-mode-p 'gnus-summary-mode)
    (gnus-summary-select-article))
  (let ((file (hrbox--gnus-maildir-file)))
    (if file
        (list :path file)
      (list :base64 (base64-encode-string (hrbox--gnus-raw-message) t)))))

(defun hrbox--gnus-maildir-file ()
  "Return the file of the selected Gnus article, or nil.
Only nnmaildir has one file per article that hrbox can read."
  (let ((group (car-safe gnus-article-current))
        (article (cdr-safe gnus-article-current)))
    (when (and group article
               (eq (car-safe (gnus-find-method-for-group group)) 'nnmaildir))
      ;; nnmaildir names the file of the article requested last, and Gnus
      ;; may have requested others since, so request this one again.
      (with-temp-buffer
        (unless (gnus-request-article article group (current-buffer))
          (user-error "hrbox: Gnus cannot fetch article %s of %s; select it again" article group)))
      (and (file-readable-p nnmaildir-article-file-name)
           (expand-file-name nnmaildir-article-file-name)))))

(defun hrbox--gnus-raw-message ()
  "Return the bytes of the selected Gnus article as a unibyte string."
  (let ((buffer (get-buffer gnus-original-article-buffer)))
    (unless (and buffer (> (buffer-size buffer) 0))
      (user-error "hrbox: Gnus has no article open; select an article first"))
    ;; NOTE: back ends other than nnmaildir may turn CRLF line ends into LF
    ;; when they fetch an article, and then the stored bytes differ.
    (with-current-buffer buffer
      (encode-coding-string (buffer-substring-no-properties (point-min) (point-max))
                            'raw-text-unix t))))


;;;; Labels and prompts

(defun hrbox--person-name (person)
  "Return PERSON's name: the first name, a space and the last name."
  (string-join (seq-remove #'string-empty-p
                           (list (plist-get person :firstName) (plist-get person :lastName)))
               " "))

(defun hrbox--person-label (person)
  "Return a one-line label for PERSON: name, employee number, main address, status."
  (string-join
   (delq nil (list (hrbox--person-name person)
                   (plist-get person :employeeNumber)
                   (let ((addresses (plist-get person :addresses)))
                     (and (> (length addresses) 0) (aref addresses 0)))
                   (plist-get person :status)))
   " · "))

(defun hrbox--person-short-label (person)
  "Return PERSON's name with the employee number, if any, in brackets."
  (let ((number (plist-get person :employeeNumber)))
    (if number
        (format "%s (%s)" (hrbox--person-name person) number)
      (hrbox--person-name person))))

(defun hrbox--case-label (case)
  "Return a one-line label for CASE."
  (format "%s (%s, since %s)"
          (plist-get case :title) (plist-get case :caseType) (plist-get case :startDate)))

(defun hrbox--unique-labels (items label-function)
  "Return an alist of unique labels for ITEMS, made by LABEL-FUNCTION.
A label that two items share gets the item's id appended."
  (let* ((labels (mapcar label-function items))
         (alist nil))
    (seq-do-indexed
     (lambda (item index)
       (let ((label (nth index labels)))
         (when (> (seq-count (lambda (other) (equal other label)) labels) 1)
           (setq label (format "%s #%s" label (plist-get item :id))))
         (push (cons label item) alist)))
     items)
    (nreverse alist)))

(defun hrbox--choose (prompt items label-function &optional default)
  "Read one of ITEMS with completion under PROMPT and return it.
PROMPT has no colon, because the default's label goes after it.
LABEL-FUNCTION makes each item's label.  DEFAULT is the item offered
when the input is empty."
  (let* ((choices (hrbox--unique-labels items label-function))
         (default-label (car (rassq default choices)))
         (label (completing-read (format-prompt prompt default-label)
                                 choices nil t nil nil default-label)))
    (cdr (assoc label choices))))

(defun hrbox--search-person (query)
  "Search people for QUERY and let the user choose one of them."
  (let ((people (append (plist-get (hrbox--request 'hrbox/searchPeople (list :query query))
                                   :people)
                        nil)))
    (cond
     ((null people)
      (user-error "hrbox: no person matches \"%s\"; search by name, address or employee number, or register the person with `hrbox-add-person'"
                  query))
     ((null (cdr people)) (car people))
     (t (hrbox--choose "Person" people #'hrbox--person-label (car people))))))

(defun hrbox--read-other-person ()
  "Read a search text and return the person the user chooses among the matches."
  (let ((query (string-trim (read-string "Search person (name, address or employee number): "))))
    (when (string-empty-p query)
      (user-error "hrbox: type part of a name, an address or an employee number"))
    (hrbox--search-person query)))

(defun hrbox--message-people (lookup)
  "Return the distinct people of LOOKUP's participants, the default person first."
  (let ((people (delq nil (cons (plist-get lookup :defaultPerson)
                                (mapcar (lambda (participant) (plist-get participant :person))
                                        (plist-get lookup :participants))))))
    (seq-uniq people (lambda (a b) (equal (plist-get a :id) (plist-get b :id))))))

(defun hrbox--read-person (lookup)
  "Read a person, offering the people of LOOKUP's message first.
Input that names none of them is searched with hrbox/searchPeople."
  (let* ((people (hrbox--message-people lookup))
         (choices (hrbox--unique-labels people #'hrbox--person-label))
         (default (car (car choices)))
         (input (string-trim
                 (completing-read (format-prompt "Person, or text to search" default)
                                  choices nil nil nil nil default))))
    (cond
     ((assoc input choices) (cdr (assoc input choices)))
     ((string-empty-p input)
      (user-error "hrbox: type part of a name, an address or an employee number"))
     (t (hrbox--search-person input)))))

(defun hrbox--read-case (person &optional prompt no-case)
  "Read one of PERSON's open cases, or nil for the personnel file without a case.
PROMPT, without a colon, and NO-CASE, the label of the choice of no case,
default to those of storing a message.  Return nil without asking when
PERSON has no open case."
  (let ((cases (append (plist-get (hrbox--request 'hrbox/cases
                                                  (list :personId (plist-get person :id)))
                                  :cases)
                       nil))
        (prompt (or prompt (format "File for %s under" (hrbox--person-name person))))
        (no-case (or no-case "No case: the personnel file itself")))
    (when cases
      (let* ((choices (cons (cons no-case nil)
                            (hrbox--unique-labels cases #'hrbox--case-label)))
             (label (completing-read (format-prompt prompt no-case)
                                     choices nil t nil nil no-case)))
        (cdr (assoc label choices))))))

(defun hrbox--read-date (name &optional default)
  "Read the date NAME, such as \"start date\", as YYYY-MM-DD.
Return the date, or DEFAULT for empty input, which is nil when the date
is optional.  A text that is no calendar day signals a `user-error'."
  (let* ((prompt (if default
                     (format-prompt (concat (hrbox--sentence-start name) ", YYYY-MM-DD") default)
                   (format "%s, YYYY-MM-DD (empty for none): " (hrbox--sentence-start name))))
         (text (string-trim (read-string prompt nil nil default))))
    (unless (string-empty-p text)
      (hrbox--check-date name text)
      text)))

(defun hrbox--sentence-start (text)
  "Return TEXT with its first letter in upper case."
  (concat (upcase (substring text 0 1)) (substring text 1)))

(defconst hrbox--month-names
  ["January" "February" "March" "April" "May" "June" "July" "August"
   "September" "October" "November" "December"]
  "English month names, for errors about dates.")

(defun hrbox--check-date (name text)
  "Signal a `user-error' unless TEXT is a calendar day as YYYY-MM-DD.
NAME, such as \"start date\", says which date the error is about."
  (unless (string-match "\\`\\([0-9]\\{4\\}\\)-\\([0-9]\\{2\\}\\)-\\([0-9]\\{2\\}\\)\\'" text)
    (user-error "hrbox: the %s \"%s\" is not a date; write it as YYYY-MM-DD, such as 2026-11-30"
                name text))
  (let ((year (string-to-number (match-string 1 text)))
        (month (string-to-number (match-string 2 text)))
        (day (string-to-number (match-string 3 text))))
    (unless (<= 1 month 12)
      (user-error "hrbox: the %s %s has month %d, but months go from 01 to 12"
                  name text month))
    (let ((days (date-days-in-month year month)))
      (unless (<= 1 day days)
        (user-error "hrbox: the %s %s does not exist, because %s %d has %d days"
                    name text (aref hrbox--month-names (1- month)) year days)))))


;;;; Looking up

(defun hrbox--lookup (source)
  "Look up the message SOURCE and return hrbox's result.
The result lists at most `hrbox-max-participants' participants."
  (hrbox--request 'hrbox/lookup
                  (if hrbox-max-participants
                      (list :message source :maxParticipants hrbox-max-participants)
                    (list :message source))))

(defun hrbox--default-person (lookup)
  "Return LOOKUP's default person, or signal a `user-error' that says what to do."
  (or (plist-get lookup :defaultPerson)
      (user-error "hrbox: no address of this message belongs to a person; choose one with C-u M-x hrbox-store, or register the sender with M-x hrbox-add-person")))

(defun hrbox-lookup ()
  "Show who the current message belongs to, their open cases and where it is filed."
  (interactive)
  (let* ((source (hrbox--message-source))
         (note (hrbox--source-note))
         (lookup (hrbox--lookup source)))
    (with-current-buffer (get-buffer-create hrbox--buffer-name)
      (hrbox-lookup-mode)
      (setq hrbox--shown-message source)
      (setq hrbox--shown-note note)
      (hrbox--fill-lookup-buffer lookup)
      (goto-char (point-min)))
    (display-buffer hrbox--buffer-name)
    lookup))

(defun hrbox--fill-lookup-buffer (lookup)
  "Replace the current buffer's text with a description of LOOKUP."
  (let ((inhibit-read-only t))
    (erase-buffer)
    (hrbox--insert-lookup lookup hrbox--shown-note)))

(defun hrbox--refresh-lookup-buffer ()
  "Look up the message of the `*hrbox*' buffer again, if there is one.
Commands that change people, cases, to-dos or filings call this, so the
buffer never shows what was true before them."
  (let ((buffer (get-buffer hrbox--buffer-name)))
    (when buffer
      (with-current-buffer buffer
        (when hrbox--shown-message
          ;; The command succeeded already, so a failed refresh only warns.
          (condition-case failure
              (let ((line (line-number-at-pos))
                    (lookup (hrbox--lookup hrbox--shown-message)))
                (hrbox--fill-lookup-buffer lookup)
                (goto-char (point-min))
                (forward-line (1- line)))
            (user-error
             (display-warning 'hrbox (format "the *hrbox* buffer was not updated: %s"
                                             (error-message-string failure))))))))))

(defun hrbox--local-time (instant)
  "Return the RFC 3339 INSTANT, such as 2026-12-05T01:07:51Z, in local time.
An instant that cannot be parsed is returned as it is."
  (let ((time (condition-case nil
                  (parse-iso8601-time-string instant)
                ;; iso8601.el signals `wrong-type-argument' on text it cannot parse.
                (wrong-type-argument nil))))
    (if time
        (format-time-string "%Y-%m-%d %H:%M" time)
      instant)))

(defun hrbox--insert-lookup (lookup &optional note)
  "Insert a description of LOOKUP, the result of hrbox/lookup.
NOTE, when given, says how the message was chosen."
  (let ((summary (plist-get lookup :summary))
        (person (plist-get lookup :defaultPerson)))
    (when note
      (insert (hrbox--sentence-start note) ":\n"))
    (insert (propertize (or (plist-get summary :subject) "(no subject)") 'face 'bold) "\n")
    (insert (format "%s · %s · %d bytes" (or (plist-get summary :date) "no date")
                    (plist-get summary :direction) (plist-get summary :size)))
    (let ((attachments (plist-get summary :attachments)))
      (when (> (length attachments) 0)
        (insert " · attachments: " (string-join (append attachments nil) ", "))))
    (hrbox--insert-participants lookup)
    (insert "\nPerson found: "
            (if person (hrbox--person-label person) "none") "\n")
    (when person
      (insert "\nOpen cases\n")
      (if (= (length (plist-get lookup :cases)) 0)
          (insert "  none\n")
        (seq-doseq (case (plist-get lookup :cases))
          (insert "  " (hrbox--case-label case) "\n"))))
    (insert "\nFiled\n")
    (if (= (length (plist-get lookup :filings)) 0)
        (insert "  not filed yet\n")
      (seq-doseq (filing (plist-get lookup :filings))
        (insert (format "  %s%s, %s%s\n"
                        (plist-get filing :personName)
                        (let ((title (plist-get filing :caseTitle))) (if title (concat " · " title) ""))
                        (hrbox--local-time (plist-get filing :filedAt))
                        (let ((by (plist-get filing :filedBy))) (if by (concat " by " by) ""))))))
    (insert "\n" (substitute-command-keys
                  (concat "\\<hrbox-lookup-mode-map>\\[hrbox-store] store  "
                          "\\[hrbox-store-other] other person  "
                          "\\[hrbox-store-second] second person  "
                          "\\[hrbox-add-person] new person  "
                          "\\[hrbox-add-case] case  "
                          "\\[hrbox-add-todo] to-do  "
                          "\\[quit-window] quit"))
            "\n")))

(defun hrbox--insert-participants (lookup)
  "Insert the participants of LOOKUP, saying how many were left out."
  (let* ((participants (plist-get lookup :participants))
         (count (or (plist-get lookup :participantCount) (length participants)))
         (left-out (- count (length participants))))
    (insert "\n\nParticipants"
            (if (> left-out 0) (format " (%d of %d)" (length participants) count) "")
            "\n")
    (seq-doseq (participant participants)
      (hrbox--insert-participant participant))
    (when (> left-out 0)
      (insert (format "  and %d more, left out by `hrbox-max-participants'\n" left-out)))))

(defun hrbox--insert-participant (participant)
  "Insert one line for PARTICIPANT of a looked-up message."
  (let ((name (plist-get participant :name))
        (person (plist-get participant :person)))
    (insert (format "  %-5s %s  %s\n"
                    (plist-get participant :role)
                    (if name
                        (format "%s <%s>" name (plist-get participant :address))
                      (plist-get participant :address))
                    (cond
                     (person (concat "→ " (hrbox--person-label person)))
                     ((eq (plist-get participant :isOwnAddress) t) "(your address)")
                     (t "(no person)"))))))


;;;; Storing

(defun hrbox--target (person case)
  "Return a FilingTarget for PERSON and CASE, which may be nil."
  (if case
      (list :personId (plist-get person :id) :caseId (plist-get case :id))
    (list :personId (plist-get person :id))))

(defun hrbox--store (source targets)
  "Store the message SOURCE for TARGETS, a list of (PERSON . CASE) pairs.
Report the outcome in the echo area, refresh the `*hrbox*' buffer, and
return hrbox's result."
  (let* ((note (hrbox--source-note))
         (result (hrbox--request
                  'hrbox/store
                  (list :message source
                        :targets (vconcat (mapcar (lambda (target)
                                                    (hrbox--target (car target) (cdr target)))
                                                  targets)))))
         (outcomes (append (plist-get result :filings) nil)))
    (hrbox--refresh-lookup-buffer)
    (message "hrbox: %s%s" (string-join (seq-mapn #'hrbox--outcome-text targets outcomes) "; ")
             (if note (format " (%s)" note) ""))
    result))

(defun hrbox--outcome-text (target outcome)
  "Return a clause saying what hrbox/store did for TARGET, a (PERSON . CASE) pair.
OUTCOME is the target's FilingOutcome."
  (let ((case (cdr target)))
    (format "%s %s%s"
            (if (eq (plist-get outcome :alreadyFiled) t) "filed already for" "stored for")
            (hrbox--person-short-label (car target))
            (if case (concat " under " (plist-get case :title)) ""))))

(defun hrbox-store (&optional choose)
  "Store the current message in the personnel file of the person found.
With a prefix argument CHOOSE, choose the person and the case with completion."
  (interactive "P")
  (let* ((source (hrbox--message-source))
         (lookup (hrbox--lookup source))
         (person (if choose (hrbox--read-person lookup) (hrbox--default-person lookup)))
         (case (and choose (hrbox--read-case person))))
    (hrbox--store source (list (cons person case)))))

(defun hrbox-store-other ()
  "Store the current message for another person, found by a search.
Then choose one of that person's open cases, if they have any."
  (interactive)
  (let* ((source (hrbox--message-source))
         (person (hrbox--read-other-person))
         (case (hrbox--read-case person)))
    (hrbox--store source (list (cons person case)))))

(defun hrbox-store-second ()
  "Store the current message for the person found and for a second person at once."
  (interactive)
  (let* ((source (hrbox--message-source))
         (first (hrbox--default-person (hrbox--lookup source)))
         (first-case (hrbox--read-case first))
         (second (hrbox--read-other-person))
         (second-case (hrbox--read-case second)))
    (hrbox--store source (list (cons first first-case) (cons second second-case)))))


;;;; Registering people, cases and to-dos

(defun hrbox--unknown-participants (lookup)
  "Return LOOKUP's participants that are neither a person nor the user's own."
  (seq-filter (lambda (participant)
                (not (or (plist-get participant :person)
                         (eq (plist-get participant :isOwnAddress) t))))
              (plist-get lookup :participants)))

(defun hrbox-add-person ()
  "Register a new person, offering the current message's unknown addresses."
  (interactive)
  (let* ((lookup (hrbox--lookup (hrbox--message-source)))
         (unknown (hrbox--unknown-participants lookup))
         (default-address (and unknown (plist-get (elt unknown 0) :address)))
         (address (string-trim
                   (completing-read (if default-address
                                        (format-prompt "Address" default-address)
                                      "Address (empty for none): ")
                                    (mapcar (lambda (participant) (plist-get participant :address)) unknown)
                                    nil nil nil nil default-address)))
         (known-name (seq-some (lambda (participant)
                                 (and (eq t (compare-strings (plist-get participant :address) nil nil
                                                             address nil nil t))
                                      (plist-get participant :name)))
                               unknown))
         (name-parts (and known-name (split-string known-name " " t)))
         (_ (hrbox--check-address address))
         (first-name (hrbox--read-text "First name" (car (butlast name-parts))))
         (last-name (hrbox--read-text "Last name" (car (last name-parts))))
         (_ (when (and (string-empty-p first-name) (string-empty-p last-name))
              (user-error "hrbox: the new person needs a first or a last name")))
         (status (completing-read (format-prompt "Status" "applicant")
                                  '("employee" "applicant" "formerEmployee")
                                  nil t nil nil "applicant"))
         (employee-number (string-trim (read-string "Employee number (empty for none): ")))
         (params (list :firstName first-name :lastName last-name
                       :addresses (if (string-empty-p address) [] (vector address))
                       :status status)))
    (unless (string-empty-p employee-number)
      (setq params (plist-put params :employeeNumber employee-number)))
    (let ((person (plist-get (hrbox--request 'hrbox/addPerson params) :person)))
      (hrbox--refresh-lookup-buffer)
      (message "hrbox: registered %s as person %d"
               (hrbox--person-short-label person) (plist-get person :id))
      person)))

(defun hrbox--read-text (name &optional default)
  "Read the text NAME, showing DEFAULT in the prompt, and return it trimmed."
  (string-trim (read-string (format-prompt name default) nil nil default)))

(defun hrbox--check-address (address)
  "Signal a `user-error' unless ADDRESS is empty or looks like name@domain.
The check is the same as the HR box's: one @ between a local part and a
domain that are not empty, and no spaces."
  (unless (or (string-empty-p address)
              (string-match-p "\\`[^@ \t]+@[^@ \t]+\\'" address))
    (user-error "hrbox: the address \"%s\" is invalid; type it as name@domain, or leave it empty"
                address)))

(defun hrbox--person-for-command (choose)
  "Return the person found for the current message.
With CHOOSE, return a person the user chooses instead."
  (let ((lookup (hrbox--lookup (hrbox--message-source))))
    (if choose (hrbox--read-person lookup) (hrbox--default-person lookup))))

(defun hrbox-add-case (&optional choose)
  "Start a case for the person found, from a case type and a start date.
With a prefix argument CHOOSE, choose the person first."
  (interactive "P")
  (let* ((person (hrbox--person-for-command choose))
         (case-types (append (plist-get (hrbox--request 'hrbox/caseTypes) :caseTypes) nil))
         (case-type (progn
                      (unless case-types
                        (user-error "hrbox: there are no case types; import them with `hrbox case-types import'"))
                      (hrbox--choose (format "Case type for %s" (hrbox--person-name person))
                                     case-types (lambda (type) (plist-get type :name)))))
         (start-date (hrbox--read-date "start date" (format-time-string "%Y-%m-%d")))
         (params (list :personId (plist-get person :id) :caseTypeId (plist-get case-type :id))))
    (when start-date
      (setq params (plist-put params :startDate start-date)))
    (let* ((result (hrbox--request 'hrbox/addCase params))
           (case (plist-get result :case)))
      (hrbox--refresh-lookup-buffer)
      (message "hrbox: started %s for %s with %d to-dos"
               (plist-get case :title) (hrbox--person-name person) (length (plist-get result :todos)))
      result)))

(defun hrbox--colleague-label (colleague)
  "Return a one-line label for COLLEAGUE."
  (format "%s (%s)" (plist-get colleague :name) (plist-get colleague :id)))

(defun hrbox-add-todo (&optional choose)
  "Plan a to-do about the person found, linked to the current message.
Ask for the title, the colleague it is assigned to, colleagues it is
shared with, the due date and the case.  With a prefix argument CHOOSE,
choose the person first."
  (interactive "P")
  (let* ((source (hrbox--message-source))
         (lookup (hrbox--lookup source))
         (person (if choose (hrbox--read-person lookup) (hrbox--default-person lookup)))
         (title (hrbox--read-text "To-do" (plist-get (plist-get lookup :summary) :subject)))
         (_ (when (string-empty-p title)
              (user-error "hrbox: the to-do needs a title; type what is to be done")))
         (listing (hrbox--request 'hrbox/colleagues))
         (colleagues (append (plist-get listing :colleagues) nil))
         (me (seq-find (lambda (colleague) (equal (plist-get colleague :id) (plist-get listing :me)))
                       colleagues))
         (assignee (if colleagues
                       (hrbox--choose "Assigned to" colleagues #'hrbox--colleague-label me)
                     (user-error "hrbox: there are no colleagues; import them with `hrbox colleagues import'")))
         (shared-labels (completing-read-multiple "Shared with (comma-separated, empty for none): "
                                                  (mapcar #'hrbox--colleague-label colleagues) nil t))
         (shared (seq-filter (lambda (colleague)
                               (member (hrbox--colleague-label colleague) shared-labels))
                             colleagues))
         (due (hrbox--read-date "due date"))
         (case (hrbox--read-case person "Case for the to-do" "none"))
         (params (list :title title
                       :assignee (plist-get assignee :id)
                       :sharedWith (vconcat (mapcar (lambda (colleague) (plist-get colleague :id)) shared))
                       :personId (plist-get person :id)
                       :message source)))
    (when due
      (setq params (plist-put params :due due)))
    (when case
      (setq params (plist-put params :caseId (plist-get case :id))))
    (let* ((todo (plist-get (hrbox--request 'hrbox/addTodo params) :todo))
           (assigned (seq-find (lambda (colleague)
                                 (equal (plist-get colleague :id) (plist-get todo :assignee)))
                               colleagues)))
      (hrbox--refresh-lookup-buffer)
      (message "hrbox: planned to-do \"%s\" for %s%s" (plist-get todo :title)
               (if assigned (plist-get assigned :name) (plist-get todo :assignee))
               (if due (concat ", due " due) ""))
      todo)))


;;;; Keys

(defvar hrbox-command-map
  (let ((map (make-sparse-keymap)))
    (define-key map "l" #'hrbox-lookup)
    (define-key map "s" #'hrbox-store)
    (define-key map "o" #'hrbox-store-other)
    (define-key map "2" #'hrbox-store-second)
    (define-key map "n" #'hrbox-add-person)
    (define-key map "c" #'hrbox-add-case)
    (define-key map "t" #'hrbox-add-todo)
    (define-key map "k" #'hrbox-stop)
    map)
  "Keymap of the hrbox commands, for binding under a prefix key such as C-c h.")

(defvar hrbox-lookup-mode-map
  (let ((map (make-sparse-keymap)))
    (set-keymap-parent map (make-composed-keymap hrbox-command-map special-mode-map))
    map)
  "Keymap of the buffer that `hrbox-lookup' shows.")

(define-derived-mode hrbox-lookup-mode special-mode "hrbox"
  "Mode of the buffer that shows what hrbox found for a message.
The hrbox commands work here on the message that was looked up.
\\{hrbox-lookup-mode-map}"
  (setq-local revert-buffer-function #'hrbox--revert-lookup))

(defun hrbox--revert-lookup (&rest _)
  "Look up the message of the current `hrbox-lookup-mode' buffer again."
  (hrbox-lookup))

(provide 'hrbox)

;;; hrbox.el ends here
